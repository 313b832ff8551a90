using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// Writes JSON nodes in kubectl's YAML style: two-space indentation, keys in the object's order, a list under a
/// key at the key's own indentation, <c>{}</c> and <c>[]</c> for empty containers.
/// </summary>
internal sealed class YamlEmitter
{
    private readonly StringBuilder _text = new();

    public override string ToString() => _text.ToString();

    public void WriteDocument(JsonNode? root)
    {
        switch (root)
        {
            case JsonObject { Count: > 0 } obj:
                WriteMapping(obj, 0, firstInline: true);
                break;
            case JsonArray { Count: > 0 } array:
                WriteSequence(array, 0, firstInline: true);
                break;
            default:
                WriteScalar(root, 2);
                _text.Append('\n');
                break;
        }
    }

    private void WriteMapping(JsonObject obj, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!(first && firstInline))
            {
                _text.Append(' ', indent);
            }

            first = false;
            _text.Append(ScalarStyler.Inline(key)).Append(':');
            switch (value)
            {
                case JsonObject { Count: > 0 } child:
                    _text.Append('\n');
                    WriteMapping(child, indent + 2, firstInline: false);
                    break;
                case JsonArray { Count: > 0 } list:
                    _text.Append('\n');
                    WriteSequence(list, indent, firstInline: false);
                    break;
                default:
                    _text.Append(' ');
                    WriteScalar(value, indent + 2);
                    _text.Append('\n');
                    break;
            }
        }
    }

    private void WriteSequence(JsonArray array, int indent, bool firstInline)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (!(i == 0 && firstInline))
            {
                _text.Append(' ', indent);
            }

            _text.Append("- ");
            switch (array[i])
            {
                case JsonObject { Count: > 0 } child:
                    WriteMapping(child, indent + 2, firstInline: true);
                    break;
                case JsonArray { Count: > 0 } list:
                    WriteSequence(list, indent + 2, firstInline: true);
                    break;
                default:
                    WriteScalar(array[i], indent + 2);
                    _text.Append('\n');
                    break;
            }
        }
    }

    /// <summary>Writes a scalar or an empty container; a literal block's lines go at <paramref name="blockIndent"/>.</summary>
    private void WriteScalar(JsonNode? node, int blockIndent)
    {
        switch (node)
        {
            case null:
                _text.Append("null");
                break;
            case JsonObject:
                _text.Append("{}");
                break;
            case JsonArray:
                _text.Append("[]");
                break;
            case JsonValue value:
                WriteValue(value, blockIndent);
                break;
        }
    }

    private void WriteValue(JsonValue value, int blockIndent)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(StringOf(value), blockIndent);
                break;
            case JsonValueKind.Number:
                _text.Append(NumberText(value));
                break;
            default:
                _text.Append(value.ToJsonString());
                break;
        }
    }

    private void WriteString(string value, int blockIndent)
    {
        if (ScalarStyler.LiteralBlock(value) is not var (header, lines))
        {
            _text.Append(ScalarStyler.Inline(value));
            return;
        }

        _text.Append(header);
        foreach (var line in lines)
        {
            _text.Append('\n');
            if (line.Length > 0)
            {
                _text.Append(' ', blockIndent).Append(line);
            }
        }
    }

    private static string StringOf(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? string.Empty;

    /// <summary>The JSON number text; infinities and NaN (not JSON) in YAML's spelling.</summary>
    private static string NumberText(JsonValue value)
    {
        var nonFinite = value.TryGetValue<double>(out var d) ? d
            : value.TryGetValue<float>(out var f) ? f
            : 0;
        if (double.IsFinite(nonFinite))
        {
            return value.ToJsonString();
        }

        return double.IsNaN(nonFinite) ? ".nan" : nonFinite > 0 ? ".inf" : "-.inf";
    }
}
