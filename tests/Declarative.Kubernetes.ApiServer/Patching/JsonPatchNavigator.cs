using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>Follows parsed JSON pointer tokens through objects and arrays.</summary>
internal static class JsonPatchNavigator
{
    public static (bool Found, JsonNode? Node) Resolve(JsonNode? document, IEnumerable<string> tokens)
    {
        var current = document;
        foreach (var token in tokens)
        {
            switch (current)
            {
                case JsonObject members when members.TryGetPropertyValue(token, out var child):
                    current = child;
                    break;
                case JsonArray items when JsonPointer.ArrayIndex(token, items.Count, allowEnd: false) is { } index:
                    current = items[index];
                    break;
                default:
                    return (false, null);
            }
        }

        return (true, current);
    }

    public static JsonNode? DeepCloneOrNull(this JsonNode? node) => node?.DeepClone();
}
