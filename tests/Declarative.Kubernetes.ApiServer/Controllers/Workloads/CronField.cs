using System.Globalization;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>One field of a cron schedule: the set of values it allows, and whether it was a wildcard.</summary>
internal sealed record CronField(IReadOnlySet<int> Values, bool Wildcard)
{
    /// <summary>Parses <c>*</c>, <c>?</c>, <c>a</c>, <c>a-b</c>, <c>*/n</c>, <c>a-b/n</c>, <c>a/n</c> and comma lists,
    /// with names (JAN, MON...) where <paramref name="names"/> gives them; null when malformed.</summary>
    public static CronField? Parse(string text, int min, int max, IReadOnlyList<string>? names = null, int nameOffset = 0)
    {
        var values = new SortedSet<int>();
        var wildcard = text is "*" or "?";
        foreach (var part in text.Split(','))
        {
            if (!AddPart(part, min, max, names, nameOffset, values))
            {
                return null;
            }
        }

        return new CronField(values, wildcard);
    }

    public bool Allows(int value) => Values.Contains(value);

    private static bool AddPart(string part, int min, int max, IReadOnlyList<string>? names, int nameOffset, SortedSet<int> values)
    {
        var slash = part.Split('/');
        var step = 1;
        if (slash.Length > 2 || (slash.Length == 2 && !int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step)) || step < 1)
        {
            return false;
        }

        int low;
        int high;
        if (slash[0] is "*" or "?")
        {
            (low, high) = (min, max);
        }
        else
        {
            var range = slash[0].Split('-');
            if (range.Length > 2 || Value(range[0], names, nameOffset) is not { } first)
            {
                return false;
            }

            low = first;
            high = range.Length == 2 ? Value(range[1], names, nameOffset) ?? -1 : (slash.Length == 2 ? max : first);
        }

        if (low < min || high > max || low > high)
        {
            return false;
        }

        for (var value = low; value <= high; value += step)
        {
            values.Add(value);
        }

        return true;
    }

    private static int? Value(string text, IReadOnlyList<string>? names, int nameOffset)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names?.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) ?? -1;
        return index < 0 ? null : index + nameOffset;
    }
}
