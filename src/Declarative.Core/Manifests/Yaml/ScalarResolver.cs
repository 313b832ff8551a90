using System.Collections.Frozen;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// YAML 1.1 scalar resolution as goyaml.v2 does it (resolve.go). Sexagesimal numbers (190:20:30) are not
/// resolved, as in goyaml.v2; timestamps stay strings, as goyaml.v2 gives them when decoding into interface{}.
/// </summary>
internal static class ScalarResolver
{
    public const string TagPrefix = "tag:yaml.org,2002:";

    private static readonly FrozenDictionary<string, ResolvedScalar> Words = BuildWords();

    /// <summary>An untagged plain scalar.</summary>
    public static ResolvedScalar ResolvePlain(string text)
    {
        var hint = text.Length == 0 ? 'N' : Hint(text[0]);
        if (hint == '\0')
        {
            return ResolvedScalar.String(text);
        }

        if (Words.TryGetValue(text, out var word))
        {
            return word with { Text = text };
        }

        return hint switch
        {
            '.' when GoNumbers.TryParseFloat(text, out var f) => new(ScalarKind.Float, text, f),
            'D' or 'S' => ResolveNumber(text),
            _ => ResolvedScalar.String(text),
        };
    }

    /// <summary>A scalar with an explicit tag (quoted or not). Null when the value does not fit the tag.</summary>
    public static ResolvedScalar? ResolveTagged(string tag, string text)
    {
        if (!tag.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return ResolvedScalar.String(text);
        }

        var resolved = ResolvePlain(text);
        return tag[TagPrefix.Length..] switch
        {
            "int" => resolved.Kind == ScalarKind.Int ? resolved : null,
            "float" => resolved.Kind switch
            {
                ScalarKind.Float => resolved,
                ScalarKind.Int => resolved with { Kind = ScalarKind.Float, Value = Convert.ToDouble(resolved.Value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => null,
            },
            "bool" => resolved.Kind == ScalarKind.Bool ? resolved : null,
            "null" => resolved.Kind == ScalarKind.Null ? resolved : null,
            _ => ResolvedScalar.String(text),
        };
    }

    private static ResolvedScalar ResolveNumber(string text)
    {
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (GoNumbers.TryParseInteger(plain, out var integer))
        {
            return new(ScalarKind.Int, text, integer);
        }

        return GoNumbers.TryParseFloat(plain, out var f) ? new(ScalarKind.Float, text, f) : ResolvedScalar.String(text);
    }

    private static char Hint(char first) => first switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private static FrozenDictionary<string, ResolvedScalar> BuildWords()
    {
        var words = new Dictionary<string, ResolvedScalar>(StringComparer.Ordinal);
        void Add(ScalarKind kind, object? value, params string[] texts)
        {
            foreach (var text in texts)
            {
                words[text] = new(kind, text, value);
            }
        }

        Add(ScalarKind.Bool, true, "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(ScalarKind.Bool, false, "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(ScalarKind.Null, null, string.Empty, "~", "null", "Null", "NULL");
        Add(ScalarKind.Float, double.NaN, ".nan", ".NaN", ".NAN");
        Add(ScalarKind.Float, double.PositiveInfinity, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(ScalarKind.Float, double.NegativeInfinity, "-.inf", "-.Inf", "-.INF");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
