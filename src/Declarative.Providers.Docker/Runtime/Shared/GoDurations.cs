using System.Globalization;
using System.Text;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Go durations to nanoseconds (what the Engine API takes) and back to the shortest Go spelling, so that "90s" in a
/// document and 90000000000 from an inspect compare equal as "1m30s".
/// </summary>
internal static class GoDurations
{
    private static readonly (string Unit, decimal Nanoseconds)[] Units =
    [
        ("ns", 1m), ("us", 1_000m), ("µs", 1_000m), ("ms", 1_000_000m), ("s", 1_000_000_000m), ("m", 60_000_000_000m), ("h", 3_600_000_000_000m),
    ];

    /// <summary>Nanoseconds of a duration the catalog already validated ("0", "30s", "1m30s", "1.5h").</summary>
    public static long ToNanoseconds(string text)
    {
        if (text == "0")
        {
            return 0;
        }

        decimal total = 0;
        var index = 0;
        while (index < text.Length)
        {
            var start = index;
            while (index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] == '.'))
            {
                index++;
            }

            var number = decimal.Parse(text[start..index], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = Units.Where(u => string.CompareOrdinal(text, index, u.Unit, 0, u.Unit.Length) == 0).MaxBy(u => u.Unit.Length);
            if (unit.Unit is null)
            {
                throw new FormatException($"\"{text}\" is not a Go duration.");
            }

            total += number * unit.Nanoseconds;
            index += unit.Unit.Length;
        }

        return (long)total;
    }

    /// <summary>Go's time.Duration.String() for whole units: 90s is "1m30s", 1500ms is "1.5s", 0 is "0s".</summary>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        if (nanoseconds < 1_000_000_000)
        {
            return nanoseconds switch
            {
                < 1_000 => $"{nanoseconds}ns",
                < 1_000_000 => Fraction(nanoseconds, 1_000) + "µs",
                _ => Fraction(nanoseconds, 1_000_000) + "ms",
            };
        }

        var text = new StringBuilder();
        var hours = nanoseconds / 3_600_000_000_000;
        var minutes = nanoseconds / 60_000_000_000 % 60;
        var seconds = nanoseconds % 60_000_000_000;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return text.Append(Fraction(seconds, 1_000_000_000)).Append('s').ToString();
    }

    private static string Fraction(long value, long unit) =>
        (value / (decimal)unit).ToString("0.#########", CultureInfo.InvariantCulture);
}
