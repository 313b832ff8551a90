using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Tests.Ssa;

internal static class SsaFixtures
{
    public static readonly DateTimeOffset T1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    public static ApiResource Deployments { get; } = new ResourceRegistry().FindByKind("apps", "v1", "Deployment")!;

    public static ApiResource ConfigMaps { get; } = new ResourceRegistry().FindByKind("", "v1", "ConfigMap")!;

    public static ApiResource Widgets { get; } = new(
        "example.com", "v1", "Widget", "widgets", "widget", true, [], [], ["status"], ApiResource.AllVerbs, IsCustom: true);

    public static JsonObject Deployment(int replicas = 2, string image = "nginx:1.27", string? extraLabel = null)
    {
        var deployment = Json("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"web","image":"","ports":[{"containerPort":80}]}]}}}}
            """);
        deployment["spec"]!["replicas"] = replicas;
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
        if (extraLabel is not null)
        {
            deployment["metadata"]!["labels"]![extraLabel] = "yes";
        }

        return deployment;
    }

    /// <summary>JSON as the API server writes it: quotes inside keys escaped as \", not \u0022.</summary>
    public static string Compact(JsonNode? node) => JsonText.Compact(node);

    public static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager = "kubectl", bool force = false, ApiResource? resource = null, string? subresource = null, DateTimeOffset? now = null) =>
        new FieldManager().Apply(new ApplyRequest(resource ?? Deployments, live, applied, manager, force, subresource, now ?? T1));

    public static JsonObject Update(JsonObject? live, JsonObject updated, string manager, ApiResource? resource = null, string? subresource = null, DateTimeOffset? now = null) =>
        new FieldManager().RecordUpdate(new UpdateRequest(resource ?? Deployments, live, updated, manager, subresource, now ?? T1));

    public static JsonArray ManagedFields(JsonObject obj) => (JsonArray)obj["metadata"]!["managedFields"]!;

    public static JsonObject Entry(JsonObject obj, string manager, string operation = "Apply") =>
        ManagedFields(obj).OfType<JsonObject>().Single(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    public static string[] Managers(JsonObject obj) =>
        [.. ManagedFields(obj).OfType<JsonObject>().Select(e => $"{e["manager"]}/{e["operation"]}")];

    public static JsonObject WithReplicas(JsonObject obj, int replicas)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["spec"]!["replicas"] = replicas;
        return copy;
    }
}
