using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Declarative.Core.Templating;

/// <summary>
/// How a value prints: as YAML reads it back. Strings as they are, true/false, numbers in invariant culture, null
/// as nothing (so <c>key: {{ values.unset }}</c> reads back as null), maps and lists as JSON flow, which YAML reads.
/// </summary>
internal static class TemplateText
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(object? value) => value switch
    {
        null or StandIn => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable => ToJson(value),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>True for what <see cref="Of"/> prints as JSON flow rather than as Scriban would.</summary>
    public static bool IsStructured(object? value) => value is IEnumerable and not string;

    public static string ToJson(object? value) =>
        TemplateValues.ToJson(value)?.ToJsonString(Json) ?? "null";

    /// <summary>A double-quoted string that YAML and JSON both read back as <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Json);
}
