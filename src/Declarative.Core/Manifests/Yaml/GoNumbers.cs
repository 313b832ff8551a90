using System.Globalization;
using System.Text.RegularExpressions;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>The number parsing and formatting of Go's strconv that goyaml.v2 and sigs.k8s.io/yaml rely on.</summary>
internal static partial class GoNumbers
{
    /// <summary>strconv.ParseInt(s, 0, 64), then strconv.ParseUint(s, 0, 64): "0x" hex, "0o" or a leading
    /// "0" octal, "0b" binary, an optional sign (signed only). The result is a long, or a ulong past long.</summary>
    public static bool TryParseInteger(string s, out object? value)
    {
        value = null;
        var negative = s.StartsWith('-');
        var signed = negative || s.StartsWith('+');
        if (!TryParseUnsigned(signed ? s[1..] : s, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            return true;
        }

        value = magnitude <= long.MaxValue ? (long)magnitude : signed ? null : magnitude;
        return value is not null;
    }

    /// <summary>goyaml.v2's float check: its regular expression, then strconv.ParseFloat (which fails on overflow).</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        return YamlFloat().IsMatch(s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>strconv.FormatFloat(v, 'g', -1, 32), which sigs.k8s.io/yaml uses for float mapping keys.</summary>
    public static string FormatFloatKey(double v)
    {
        if (double.IsNaN(v))
        {
            return ".nan";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? ".inf" : "-.inf";
        }

        var single = (float)v;
        var (digits, exponent) = ShortestDigits(Math.Abs(single));
        var sign = single < 0 ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0";
        }

        var exp = exponent - 1;
        if (exp < -4 || exp >= 6)
        {
            var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            var expSign = exp < 0 ? "-" : "+";
            return $"{sign}{mantissa}e{expSign}{Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture)}";
        }

        return sign + PlaceDecimalPoint(digits, exponent);
    }

    private static bool TryParseUnsigned(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        var (radix, digits) = SplitRadix(s);
        UInt128 total = 0;
        foreach (var c in digits)
        {
            var digit = DigitValue(c);
            if (digit >= radix)
            {
                return false;
            }

            total = (total * (uint)radix) + (uint)digit;
            if (total > ulong.MaxValue)
            {
                return false;
            }
        }

        value = (ulong)total;
        return true;
    }

    private static (int Radix, string Digits) SplitRadix(string s)
    {
        if (s[0] != '0' || s.Length == 1)
        {
            return (10, s);
        }

        return char.ToLowerInvariant(s[1]) switch
        {
            'b' when s.Length >= 3 => (2, s[2..]),
            'o' when s.Length >= 3 => (8, s[2..]),
            'x' when s.Length >= 3 => (16, s[2..]),
            _ => (8, s[1..]),
        };
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => int.MaxValue,
    };

    /// <summary>The shortest round-trip digits of a float (no leading or trailing zeros) and the position of
    /// the decimal point relative to them (value = 0.digits × 10^exponent).</summary>
    private static (string Digits, int Exponent) ShortestDigits(float value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var parts = (roundTrip.Contains('E', StringComparison.Ordinal) ? roundTrip : roundTrip + "E0").Split('E');
        var mantissa = parts[0];
        var pointAt = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        var allDigits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var exponent = integerDigits + int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var trimmedLeading = allDigits.TrimStart('0');
        exponent -= allDigits.Length - trimmedLeading.Length;
        return (trimmedLeading.TrimEnd('0'), exponent);
    }

    private static string PlaceDecimalPoint(string digits, int exponent)
    {
        if (exponent <= 0)
        {
            return "0." + new string('0', -exponent) + digits;
        }

        return exponent >= digits.Length
            ? digits + new string('0', exponent - digits.Length)
            : $"{digits[..exponent]}.{digits[exponent..]}";
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();
}
