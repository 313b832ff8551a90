using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Providers;

/// <summary>Addresses and objects of a small project ("shop", environment "prod"): an Image and the Deployment using it.</summary>
internal static class SeamFixtures
{
    public const string ImagePointer = "/spec/template/spec/containers/0/image";

    public static readonly OwnerSelector Owner = new("shop", "prod");
    public static readonly ResourceType DeploymentType = new("apps/v1", "Deployment");
    public static readonly ResourceType ImageType = new("declarative.dev/v1", "Image");
    public static readonly ResourceAddress Kubia = Deployment("kubia");
    public static readonly ResourceAddress KubiaImage = new(string.Empty, "declarative.dev", "Image", null, "kubia");

    public static ResourceAddress Deployment(string name) => new(string.Empty, "apps", "Deployment", "default", name);

    /// <summary>A Deployment of <paramref name="name"/> with one container "web" and our ownership labels.</summary>
    public static JsonObject DeploymentObject(string name, string image, int replicas = 2, bool owned = true)
    {
        var labels = owned ? string.Join(",", Owner.Labels.Select(l => $"\"{l.Key}\":\"{l.Value}\"")) : "\"app\":\"other\"";
        return (JsonObject)JsonNode.Parse(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"labels\":{" + labels
            + "}},\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
            + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"" + image + "\"}]}}}}")!;
    }

    public static DesiredResource Desired(JsonObject obj, params UnknownValue[] unknowns) =>
        new(Kubia, DeploymentType, obj, [.. unknowns], [], []);

    public static UnknownValue ImageUnknown() =>
        new(ImagePointer, "${image:kubia}", [new Unknown("image", "kubia", KubiaImage, "reference")]);

    public static DesiredResource ImageDesired() =>
        new(KubiaImage, ImageType, (JsonObject)JsonNode.Parse("""{"apiVersion":"declarative.dev/v1","kind":"Image","metadata":{"name":"kubia"}}""")!, [], [], []);

    public static ResourceOutputs Reference(string reference) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("reference", reference)]));

    public static JsonObject WithStatus(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["status"] = new JsonObject { ["readyReplicas"] = 2 };
        copy["metadata"]!["uid"] = "5f1c";
        return copy;
    }
}
