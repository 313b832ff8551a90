using System.Text.RegularExpressions;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>A parsed labelSelector: requirements joined by AND (=, ==, !=, in, notin, exists, !exists).</summary>
internal sealed partial record LabelSelector(IReadOnlyList<LabelRequirement> Requirements)
{
    public static readonly LabelSelector Everything = new([]);

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector([.. SplitTopLevel(text).Select(ParseRequirement)]);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseRequirement(string part)
    {
        var text = part.Trim();
        if (SetPattern().Match(text) is { Success: true } set)
        {
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            return new LabelRequirement(set.Groups["key"].Value, set.Groups["op"].Value, values);
        }

        if (EqualityPattern().Match(text) is { Success: true } equality)
        {
            var op = equality.Groups["op"].Value == "!=" ? "!=" : "=";
            return new LabelRequirement(equality.Groups["key"].Value, op, new HashSet<string>(StringComparer.Ordinal) { equality.Groups["value"].Value.Trim() });
        }

        if (ExistsPattern().Match(text) is { Success: true } exists)
        {
            return new LabelRequirement(exists.Groups["key"].Value, exists.Groups["not"].Success ? "!" : "exists", new HashSet<string>());
        }

        throw StatusFactory.BadRequest($"unable to parse requirement: found '{text}', expected: in, notin, =, ==, !=, gt, lt");
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9][-A-Za-z0-9_./]*)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9][-A-Za-z0-9_./]*)\s*(?<op>==|!=|=)\s*(?<value>[-A-Za-z0-9_.]*)$")]
    private static partial Regex EqualityPattern();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[A-Za-z0-9][-A-Za-z0-9_./]*)$")]
    private static partial Regex ExistsPattern();
}

/// <summary>One requirement: operator "=", "!=", "in", "notin", "exists" or "!" (does not exist).</summary>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlySet<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "=" or "in" => present && Values.Contains(value!),
            "!=" or "notin" => !present || !Values.Contains(value!),
            "exists" => present,
            _ => !present,
        };
    }
}
