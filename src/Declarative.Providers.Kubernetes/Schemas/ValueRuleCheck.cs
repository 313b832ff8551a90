using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>Checks a value of the right type against its <see cref="ValueRules"/>; each problem reads as the end
/// of "path is value: ...".</summary>
internal static class ValueRuleCheck
{
    public static string? Problem(JsonNode node, ValueRules rules)
    {
        if (rules.IsEmpty)
        {
            return null;
        }

        if (!rules.Enum.IsDefaultOrEmpty && !rules.Enum.Contains(node.ToJsonString(), StringComparer.Ordinal))
        {
            return $"it must be one of {string.Join(", ", rules.Enum)}";
        }

        return ScalarChecks.Text(node) is { } text ? TextProblem(text, rules)
            : ScalarChecks.Number(node) is { } number ? NumberProblem(number, rules)
            : null;
    }

    public static string? CountProblem(int count, ValueRules rules, string noun) =>
        count < rules.MinItems ? $"it has {Count(count, noun)}, and at least {Count(rules.MinItems.Value, noun)} are required"
        : count > rules.MaxItems ? $"it has {Count(count, noun)}, and at most {Count(rules.MaxItems.Value, noun)} are allowed"
        : null;

    private static string? TextProblem(string text, ValueRules rules)
    {
        var length = text.EnumerateRunes().Count();
        if (length < rules.MinLength)
        {
            return $"it is {Count(length, "character")} long, and at least {Count(rules.MinLength.Value, "character")} are required";
        }

        if (length > rules.MaxLength)
        {
            return $"it is {Count(length, "character")} long, and at most {Count(rules.MaxLength.Value, "character")} are allowed";
        }

        if (rules.Pattern is { } pattern && !Matches(pattern, text))
        {
            return $"it does not match the pattern {pattern}";
        }

        return rules.Format switch
        {
            "date-time" when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "it is not an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
            "byte" when ScalarChecks.Base64ErrorAt(text) is not null => "it is not valid base64",
            _ => null,
        };
    }

    private static string? NumberProblem(double number, ValueRules rules)
    {
        if (rules.Minimum is { } minimum && (number < minimum || (rules.ExclusiveMinimum && number == minimum)))
        {
            return $"it must be {(rules.ExclusiveMinimum ? "greater than" : "at least")} {Show(minimum)}";
        }

        if (rules.Maximum is { } maximum && (number > maximum || (rules.ExclusiveMaximum && number == maximum)))
        {
            return $"it must be {(rules.ExclusiveMaximum ? "less than" : "at most")} {Show(maximum)}";
        }

        return rules.Format switch
        {
            "int32" when number is < int.MinValue or > int.MaxValue => "it does not fit in a 32-bit integer (int32)",
            "int64" when number is < long.MinValue or > long.MaxValue => "it does not fit in a 64-bit integer (int64)",
            _ => null,
        };
    }

    // A pattern too slow for its timeout is not held against the value: the API server would decide.
    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Count(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string Show(double number) => number.ToString(CultureInfo.InvariantCulture);
}
