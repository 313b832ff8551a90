using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>
/// A JSON tree as block-style YAML the way kubectl and controller-gen print manifests: two-space indents, list items
/// at their key's indentation, plain scalars where YAML reads them back as the same string, double-quoted (JSON
/// escapes) otherwise. Enough for the generated fixtures; not a general YAML writer.
/// </summary>
internal static partial class YamlText
{
    public static string Of(JsonObject root)
    {
        var text = new StringBuilder();
        AppendObject(text, root, 0);
        return text.ToString();
    }

    private static void AppendObject(StringBuilder text, JsonObject obj, int indent)
    {
        foreach (var (key, value) in obj)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            AppendValue(text, value, indent, nestedObjectIndent: indent + 2);
        }
    }

    private static void AppendValue(StringBuilder text, JsonNode? value, int indent, int nestedObjectIndent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonObject child:
                text.Append('\n');
                AppendObject(text, child, nestedObjectIndent);
                break;
            case JsonArray items:
                text.Append('\n');
                foreach (var item in items)
                {
                    AppendItem(text, item, indent);
                }

                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void AppendItem(StringBuilder text, JsonNode? item, int indent)
    {
        if (item is JsonObject { Count: > 0 } obj)
        {
            // The first key shares the dash's line; the others line up under it.
            var first = true;
            foreach (var (key, value) in obj)
            {
                text.Append(' ', indent).Append(first ? "- " : "  ").Append(Scalar(key)).Append(':');
                AppendValue(text, value, indent + 2, nestedObjectIndent: indent + 4);
                first = false;
            }

            return;
        }

        text.Append(' ', indent).Append('-');
        AppendValue(text, item, indent + 2, nestedObjectIndent: indent + 2);
    }

    private static string Scalar(string text) => Scalar(JsonValue.Create(text));

    private static string Scalar(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return value.ToJsonString();
        }

        var text = value.GetValue<string>();
        return PlainSafe().IsMatch(text) && !Reserved.Contains(text) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? text
            : JsonSerializer.Serialize(text);
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    [GeneratedRegex(@"^[A-Za-z_/.][A-Za-z0-9_ ./()`'-]*[A-Za-z0-9_./()`'-]$|^[A-Za-z]$")]
    private static partial Regex PlainSafe();
}
