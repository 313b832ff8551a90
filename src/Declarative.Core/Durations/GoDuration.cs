using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Declarative.Core.Durations;

/// <summary>
/// Go's <c>time.ParseDuration</c> syntax, as kubectl, Helm and Docker take durations: a sequence of numbers, each
/// with an optional fraction and a unit (<c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>, <c>1.5h</c>), an
/// optional sign, or a bare <c>0</c>. Units: ns, us (or µs), ms, s, m, h. Formatting is Go's
/// <c>Duration.String()</c>, so "90s" reads back as "1m30s".
/// </summary>
public static class GoDuration
{
    /// <summary>The syntax in words, for error messages.</summary>
    public const string Syntax = "a Go duration such as 90s, 5m, 1h30m, 500ms or 1.5h (units ns, us, ms, s, m, h)";

    private const long NanosecondsPerTick = 100;

    /// <summary>Go's bound while summing: 1&lt;&lt;63 (a negative duration may reach it).</summary>
    private const ulong Limit = 1UL << 63;

    private static readonly FrozenDictionary<string, ulong> Units = new Dictionary<string, ulong>(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["µs"] = 1_000, // U+00B5 micro sign
        ["μs"] = 1_000, // U+03BC Greek small letter mu
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/> to nanoseconds as Go does (the same arithmetic, so the same
    /// rounding of fractions); false when it is not a Go duration or does not fit Go's int64 range (about 292
    /// years).</summary>
    public static bool TryParseNanoseconds(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        ulong total = 0;
        while (!rest.IsEmpty)
        {
            if (!TryReadComponent(ref rest, out var component) || (total += component) > Limit)
            {
                return false;
            }
        }

        if (!negative && total > long.MaxValue)
        {
            return false;
        }

        nanoseconds = negative ? unchecked((long)(0 - total)) : (long)total;
        return true;
    }

    /// <summary>Parses <paramref name="text"/> to a <see cref="TimeSpan"/> (whose resolution is 100 ns: finer
    /// parts are dropped).</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var parsed = TryParseNanoseconds(text, out var nanoseconds);
        duration = TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);
        return parsed;
    }

    /// <summary>Go's <c>Duration.String()</c>: 90 s is "1m30s", 1.5 s is "1.5s", 0 is "0s".</summary>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var sign = nanoseconds < 0 ? "-" : string.Empty;
        var magnitude = nanoseconds < 0 ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        if (magnitude < 1_000_000_000)
        {
            return sign + (magnitude switch
            {
                < 1_000 => $"{magnitude}ns",
                < 1_000_000 => Fraction(magnitude, 1_000) + "µs",
                _ => Fraction(magnitude, 1_000_000) + "ms",
            });
        }

        var text = new StringBuilder(sign);
        var hours = magnitude / 3_600_000_000_000;
        var minutes = magnitude / 60_000_000_000 % 60;
        var seconds = magnitude % 60_000_000_000;
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

    /// <summary>Go's spelling of a <see cref="TimeSpan"/>.</summary>
    public static string Format(TimeSpan duration) => Format(duration.Ticks * NanosecondsPerTick);

    /// <summary>One number and its unit, as nanoseconds (Go's loop body): "1.", ".5" and "1.5" are numbers, a lone
    /// "." is not; the whole part must not overflow, extra fraction digits only stop adding precision.</summary>
    private static bool TryReadComponent(ref ReadOnlySpan<char> rest, out ulong nanoseconds)
    {
        nanoseconds = 0;
        if (!(rest[0] == '.' || char.IsAsciiDigit(rest[0])) || !TryReadWhole(ref rest, out var whole, out var hasWhole))
        {
            return false;
        }

        ulong fraction = 0;
        double scale = 1;
        var hasFraction = false;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            rest = rest[1..];
            hasFraction = ReadFraction(ref rest, out fraction, out scale);
        }

        if (!hasWhole && !hasFraction)
        {
            return false;
        }

        var unitLength = 0;
        while (unitLength < rest.Length && rest[unitLength] != '.' && !char.IsAsciiDigit(rest[unitLength]))
        {
            unitLength++;
        }

        if (unitLength == 0 || !Units.TryGetValue(rest[..unitLength].ToString(), out var unit) || whole > Limit / unit)
        {
            return false;
        }

        rest = rest[unitLength..];
        nanoseconds = whole * unit;
        if (fraction > 0)
        {
            nanoseconds += (ulong)(fraction * (unit / scale));
        }

        return nanoseconds <= Limit;
    }

    private static bool TryReadWhole(ref ReadOnlySpan<char> rest, out ulong value, out bool any)
    {
        value = 0;
        var index = 0;
        for (; index < rest.Length && char.IsAsciiDigit(rest[index]); index++)
        {
            if (value > Limit / 10 || (value = (value * 10) + (ulong)(rest[index] - '0')) > Limit)
            {
                any = false;
                return false;
            }
        }

        any = index > 0;
        rest = rest[index..];
        return true;
    }

    private static bool ReadFraction(ref ReadOnlySpan<char> rest, out ulong value, out double scale)
    {
        value = 0;
        scale = 1;
        var overflow = false;
        var index = 0;
        for (; index < rest.Length && char.IsAsciiDigit(rest[index]); index++)
        {
            if (overflow || value > long.MaxValue / 10 || (value * 10) + (ulong)(rest[index] - '0') > Limit)
            {
                overflow = true;
                continue;
            }

            value = (value * 10) + (ulong)(rest[index] - '0');
            scale *= 10;
        }

        rest = rest[index..];
        return index > 0;
    }

    private static string Fraction(ulong value, ulong unit) =>
        (value / (decimal)unit).ToString("0.#########", CultureInfo.InvariantCulture);
}
