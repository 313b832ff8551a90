using System.Globalization;
using System.Text.RegularExpressions;
using Declarative.Core.Diagnostics;

namespace Declarative.Cli.Rendering;

/// <summary>
/// Prints diagnostics as <c>error: FILE:LINE:COL: DCLnnn summary</c> followed by detail lines indented by four
/// spaces. Files are shown relative to the working directory. Sorted by file, line, column, code.
/// </summary>
public sealed partial class DiagnosticRenderer(string workingDirectory, Ansi ansi)
{
    public void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in Sort(diagnostics))
        {
            var severity = diagnostic.Severity == Severity.Error ? ansi.Red("error:") : ansi.Yellow("warning:");
            var location = diagnostic.Location is null ? string.Empty : $"{Format(diagnostic.Location)}: ";
            writer.WriteLine($"{severity} {location}{diagnostic.Code} {ansi.Bold(diagnostic.Summary)}");
            foreach (var line in diagnostic.Detail)
            {
                writer.WriteLine($"    {Relative(line)}");
            }
        }
    }

    public static IEnumerable<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location?.File ?? string.Empty, StringComparer.Ordinal)
        .ThenBy(d => d.Location?.Line ?? 0)
        .ThenBy(d => d.Location?.Column ?? 0)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Summary, StringComparer.Ordinal);

    public static string Count(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        var errors = list.Count(d => d.Severity == Severity.Error);
        var warnings = list.Count - errors;
        var text = Plural(errors, "error");
        return warnings == 0 ? text : $"{text}, {Plural(warnings, "warning")}";
    }

    /// <summary>Detail lines may name other places (the first of two duplicates) by full path.</summary>
    private string Relative(string line) =>
        PlaceInText().Replace(line, m => $"{RelativePath(m.Groups["path"].Value)}{m.Groups["position"].Value}");

    private string RelativePath(string path) => Path.GetRelativePath(workingDirectory, path).Replace('\\', '/');

    [GeneratedRegex(@"(?<path>(?<![\w.~-])/[^\s:]+)(?<position>:\d+:\d+)")]
    private static partial Regex PlaceInText();

    private string Format(SourceLocation location)
    {
        var file = Path.IsPathRooted(location.File) ? RelativePath(location.File) : location.File;
        return string.Create(CultureInfo.InvariantCulture, $"{file}:{location.Line}:{location.Column}");
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
