using System.Globalization;

namespace Declarative.Core.Diagnostics;

/// <summary>A user's value as a message quotes it: whole when short, else its start and its length, so a 10 MB
/// scalar written by mistake yields a one-line error, not a 10 MB one.</summary>
public static class QuotedText
{
    public const int MaxLength = 100;

    public static string Of(string text) =>
        text.Length <= MaxLength
            ? $"\"{text}\""
            : string.Create(CultureInfo.InvariantCulture, $"\"{text[..MaxLength]}…\" ({text.Length:N0} characters)");
}
