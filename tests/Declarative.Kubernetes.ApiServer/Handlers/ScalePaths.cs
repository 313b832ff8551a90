using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Where a resource keeps what Scale shows: spec.replicas, status.replicas and the selector for built-ins;
/// the CRD's specReplicasPath, statusReplicasPath and labelSelectorPath for custom resources.</summary>
internal sealed record ScalePaths(string SpecPath, string StatusPath, string? SelectorPath, bool BuiltIn)
{
    public static ScalePaths For(RequestScope scope)
    {
        if (!scope.Resource.IsCustom)
        {
            return new ScalePaths(".spec.replicas", ".status.replicas", ".spec.selector", BuiltIn: true);
        }

        var scale = CrdController.ScaleDefinition(scope);
        return new ScalePaths(
            scale?["specReplicasPath"]?.GetValue<string>() ?? ".spec.replicas",
            scale?["statusReplicasPath"]?.GetValue<string>() ?? ".status.replicas",
            scale?["labelSelectorPath"]?.GetValue<string>(),
            BuiltIn: false);
    }

    public int SpecReplicas(JsonObject parent) => AsInt(Read(parent, SpecPath));

    public int StatusReplicas(JsonObject parent) => AsInt(Read(parent, StatusPath));

    /// <summary>The label selector as a string: built-ins render spec.selector; custom resources hold a string.</summary>
    public string Selector(JsonObject parent)
    {
        var node = SelectorPath is null ? null : Read(parent, SelectorPath);
        return node switch
        {
            null => string.Empty,
            JsonValue value when value.TryGetValue(out string? text) => text,
            JsonObject selector when BuiltIn => SelectorText.Render(selector),
            _ => string.Empty,
        };
    }

    public void SetSpecReplicas(JsonObject parent, JsonNode replicas)
    {
        var steps = SpecPath.Trim('.').Split('.');
        var node = parent;
        foreach (var step in steps[..^1])
        {
            if (node[step] is not JsonObject child)
            {
                child = [];
                node[step] = child;
            }

            node = child;
        }

        node[steps[^1]] = replicas;
    }

    private static JsonNode? Read(JsonObject parent, string path)
    {
        JsonNode? node = parent;
        foreach (var step in path.Trim('.').Split('.'))
        {
            node = node is JsonObject map ? map[step] : null;
        }

        return node;
    }

    private static int AsInt(JsonNode? node) => node is JsonValue value && value.TryGetValue(out int number) ? number : 0;
}
