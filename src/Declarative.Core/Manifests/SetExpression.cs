using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>
/// One <c>--set a.b=c</c> (c read as a YAML scalar: 3 is a number, true a boolean) or <c>--set-string a.b=c</c>
/// (always a string). A backslash escapes a dot or equals sign in the key (<c>labels.app\.kubernetes\.io/name=x</c>).
/// </summary>
public static class SetExpression
{
    public static Diagnostic? Apply(JsonObject values, ValueOverride assignment)
    {
        var option = assignment.AsString ? "--set-string" : "--set";
        var (key, value) = SplitAssignment(assignment.Assignment);
        var path = key is null ? [] : SplitKey(key);
        if (value is null || path.Count == 0 || path.Any(p => p.Length == 0))
        {
            return Diagnostic.Error(DiagnosticCodes.InvalidValues, $"Invalid {option} value", null, $"\"{Redact(assignment.Assignment)}\" is not of the form path.to.key=value.", $"Write {option} a.b=value.");
        }

        var target = values;
        foreach (var segment in path.Take(path.Count - 1))
        {
            if (target[segment] is not JsonObject next)
            {
                next = new JsonObject();
                target[segment] = next;
            }

            target = next;
        }

        target[path[^1]] = assignment.AsString ? JsonValue.Create(value) : ParseScalar(value);
        return null;
    }

    private static JsonNode? ParseScalar(string text)
    {
        var read = YamlDocumentReader.Read(text, "--set");
        if (read.HasErrors)
        {
            return JsonValue.Create(text);
        }

        // The reader drops empty and null documents, so nothing read means the scalar was null.
        if (read.Value.Length == 0)
        {
            return null;
        }

        return read.Value[0].Root is JsonValue scalar ? scalar.DeepClone() : JsonValue.Create(text);
    }

    private static (string? Key, string? Value) SplitAssignment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '=')
            {
                return (text[..i], text[(i + 1)..]);
            }
        }

        return (null, null);
    }

    private static List<string> SplitKey(string key)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\\' && i + 1 < key.Length)
            {
                current.Append(key[++i]);
            }
            else if (key[i] == '.')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(key[i]);
            }
        }

        segments.Add(current.ToString());
        return segments;
    }

    /// <summary>Values may be secrets: errors show only the key.</summary>
    private static string Redact(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? assignment : assignment[..(equals + 1)] + "...";
    }
}
