using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Core.Providers;

/// <summary>Masks the values under a resource's sensitive paths, for any output a person reads.</summary>
public static class SensitiveValues
{
    public const string Mask = "(sensitive)";

    /// <summary>A copy of <paramref name="content"/> where every scalar under a sensitive path is "(sensitive)";
    /// keys stay visible so a reader can tell which entries exist.</summary>
    public static JsonObject Apply(JsonObject content, IReadOnlyCollection<string> sensitivePaths)
    {
        var copy = (JsonObject)content.DeepClone();
        if (sensitivePaths.Count > 0)
        {
            MaskNode(copy, string.Empty, sensitivePaths);
        }

        return copy;
    }

    private static JsonNode? MaskNode(JsonNode? node, string path, IReadOnlyCollection<string> sensitivePaths)
    {
        var sensitive = path.Length > 0 && sensitivePaths.Any(p => FieldPath.IsUnder(path, p));
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = MaskNode(obj[key], Child(path, key), sensitivePaths);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = MaskNode(array[i], $"{path}[{i}]", sensitivePaths);
                }

                return array;
            default:
                return sensitive && node is not null ? JsonValue.Create(Mask) : node;
        }
    }

    private static string Child(string path, string key)
    {
        var builder = new System.Text.StringBuilder(path);
        FieldPath.AppendKey(builder, key);
        return builder.ToString();
    }
}
