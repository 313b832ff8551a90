using System.Globalization;
using System.Text.RegularExpressions;

namespace Declarative.Core.Templating;

/// <summary>
/// Invisible markers woven into the text Handlebars renders and stripped from its output. U+001F cannot appear in
/// YAML, so a marker never collides with the user's text. Line: a source line starts here. Enter/Exit: a printed
/// expression's output starts/ends here; After: it ended here and whatever came since the last Exit was its own.
/// Undefined and Failure: what that expression could not print.
/// </summary>
internal static partial class Markers
{
    public const char Delimiter = '\u001F';
    public const char FieldSeparator = '\u001E';
    public const char LineKind = 'L';
    public const char EnterKind = 'E';
    public const char ExitKind = 'Z';
    public const char AfterKind = 'A';
    public const char UndefinedKind = 'U';
    public const char FailureKind = 'F';

    public static string Line(int line) => Make(LineKind, line.ToString(CultureInfo.InvariantCulture));

    public static string Enter(int tagId) => Make(EnterKind, tagId.ToString(CultureInfo.InvariantCulture));

    public static string Exit() => Make(ExitKind, string.Empty);

    public static string After(int tagId) => Make(AfterKind, tagId.ToString(CultureInfo.InvariantCulture));

    public static string Undefined(string segment) => Make(UndefinedKind, segment);

    public static string Failure(TemplateFailure failure) =>
        Make(FailureKind, failure.Code + FieldSeparator + failure.Message + FieldSeparator + failure.Instruction);

    /// <summary>Removes markers from text that Handlebars quotes back in an error message.</summary>
    public static string Strip(string text) => MarkerPattern().Replace(text, string.Empty);

    [GeneratedRegex("\u001F[^\u001F]*\u001F|\u001F")]
    private static partial Regex MarkerPattern();

    private static string Make(char kind, string payload) =>
        $"{Delimiter}{kind}{payload.Replace(Delimiter, '?')}{Delimiter}";
}
