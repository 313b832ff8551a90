using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>Whether a JSON value is of a scalar kind, and the syntax checks of quantities and base64.</summary>
internal static partial class ScalarChecks
{
    public static bool HasKind(JsonNode node, ScalarKind kind)
    {
        var json = node.GetValueKind();
        return kind switch
        {
            ScalarKind.String or ScalarKind.DateTime or ScalarKind.Bytes => json == JsonValueKind.String,
            ScalarKind.Integer => IsInteger(node),
            ScalarKind.Number => json == JsonValueKind.Number,
            ScalarKind.Boolean => json is JsonValueKind.True or JsonValueKind.False,
            ScalarKind.IntOrString => json == JsonValueKind.String || IsInteger(node),
            ScalarKind.Quantity => json is JsonValueKind.String or JsonValueKind.Number,
            _ => true,
        };
    }

    public static bool IsInteger(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && (value.TryGetValue<long>(out _) || (Number(node) is { } number && Math.Floor(number) == number && !double.IsInfinity(number)));

    public static double? Number(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.TryGetValue<double>(out var number) ? number
            : double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) ? number : null
            : null;

    public static string? Text(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The loose form the API server's quantity parser accepts: a signed decimal and a suffix
    /// (k8s.io/apimachinery pkg/api/resource: splitRE, then the suffixes it knows).</summary>
    public static bool IsQuantity(string text) => QuantitySyntax().IsMatch(text.Trim());

    /// <summary>Where Go's base64.StdEncoding gives up (the API server decodes []byte fields with it), or null; the walk of
    /// encoding/base64 decodeQuantum over 4-character groups, skipping \r and \n.</summary>
    public static int? Base64ErrorAt(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var si = 0;
        while (true)
        {
            var j = 0;
            for (; j < 4; j++)
            {
                if (si == text.Length)
                {
                    return j == 0 ? null : si - j;
                }

                var c = text[si++];
                if (alphabet.Contains(c, StringComparison.Ordinal))
                {
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    j--;
                    continue;
                }

                if (c != '=' || j < 2)
                {
                    return si - 1;
                }

                if (j == 2)
                {
                    si = SkipNewlines(text, si);
                    if (si == text.Length)
                    {
                        return text.Length;
                    }

                    if (text[si] != '=')
                    {
                        return si - 1;
                    }

                    si++;
                }

                si = SkipNewlines(text, si);
                return si < text.Length ? si : null;
            }
        }
    }

    private static int SkipNewlines(string text, int si)
    {
        while (si < text.Length && text[si] is '\n' or '\r')
        {
            si++;
        }

        return si;
    }
    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantitySyntax();
}
