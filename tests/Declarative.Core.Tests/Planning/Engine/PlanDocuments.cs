using System.Text.Json.Nodes;
using Declarative.Core.Manifests;

namespace Declarative.Core.Tests.Planning.Engine;

/// <summary>One-line JSON documents for planner tests.</summary>
internal static class PlanDocuments
{
    public static string ConfigMap(string name, string mode = "fast", string? dependsOn = null, string? prune = null) =>
        Document("v1", "ConfigMap", name, "data", new JsonObject { ["mode"] = mode }, Annotations(dependsOn, prune: prune));

    public static string Secret(string name, string password) =>
        Document("v1", "Secret", name, "data", new JsonObject { ["password"] = password });

    public static string Image(string name) =>
        Document("declarative.dev/v1", "Image", name, "spec", new JsonObject { ["context"] = $"./{name}" });

    public static string Deployment(string name, string image, int replicas = 2, string? dependsOn = null, string? ignoreFields = null) =>
        Document("apps/v1", "Deployment", name, "spec", new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) },
            },
        }, Annotations(dependsOn, ignoreFields));

    private static JsonObject? Annotations(string? dependsOn, string? ignoreFields = null, string? prune = null)
    {
        var annotations = new JsonObject();
        Add(annotations, WellKnown.DependsOnAnnotation, dependsOn);
        Add(annotations, WellKnown.IgnoreFieldsAnnotation, ignoreFields);
        Add(annotations, WellKnown.PruneAnnotation, prune);
        return annotations.Count == 0 ? null : annotations;
    }

    private static void Add(JsonObject annotations, string key, string? value)
    {
        if (value is not null)
        {
            annotations[key] = value;
        }
    }

    private static string Document(string apiVersion, string kind, string name, string field, JsonNode body, JsonObject? annotations = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata, [field] = body }.ToJsonString();
    }
}
