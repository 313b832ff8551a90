using System.Text.RegularExpressions;
using Declarative.Cli.Tests;

namespace Declarative.Reliability.Tests.BadInput;

/// <summary>
/// What `decl validate` must answer a broken project: exit code 1, at least one diagnostic line
/// <c>error: FILE:LINE:COL: DCLnnn summary</c> (a file-less <c>error: DCLnnn</c> only when no file is at fault), one
/// naming the file the mutation broke, no internal error or stack trace, and the <c>N errors</c> summary last.
/// </summary>
internal static partial class ValidateVerdict
{
    /// <summary>Null when the answer is right, else what is wrong with it.</summary>
    public static string? Judge(MutatedInput input, CliResult result, TimeSpan took, TimeSpan limit)
    {
        if (took > limit)
        {
            return $"took {took.TotalSeconds:0.0} s (limit {limit.TotalSeconds:0} s)";
        }

        if (result.ExitCode != 1)
        {
            return $"exit code {result.ExitCode}, not 1";
        }

        var all = result.All;
        if (all.Contains("internal error", StringComparison.OrdinalIgnoreCase) || StackFrame().IsMatch(all) || all.Contains("Exception", StringComparison.Ordinal))
        {
            return "an internal error or a stack trace";
        }

        var errors = result.Stdout.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        if (errors.Count == 0)
        {
            return "no error line";
        }

        if (errors.FirstOrDefault(l => !DiagnosticLine().IsMatch(l)) is { } malformed)
        {
            return $"an error line without a DCL code: {Shorten(malformed)}";
        }

        if (input.FaultFile is { } file && !errors.Any(l => l.StartsWith($"error: {file}:", StringComparison.Ordinal) && LocatedLine().IsMatch(l)))
        {
            return $"no error located in {file}: {Shorten(errors[0])}";
        }

        if (input.FaultFile is null && !errors.Any(l => LocatedLine().IsMatch(l)))
        {
            return $"no located error: {Shorten(errors[0])}";
        }

        return SummaryLine().IsMatch(result.Stdout) ? null : "no \"N errors\" summary at the end";
    }

    public static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), $"… ({text.Length} characters)");

    [GeneratedRegex(@"^error: (?:[^\s:]+:\d+:\d+: )?DCL\d{3} \S")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^error: [^\s:]+:\d+:\d+: DCL\d{3} ")]
    private static partial Regex LocatedLine();

    [GeneratedRegex(@"^\s+at \S+\.\S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\n\d+ errors?(, \d+ warnings?)?\n$")]
    private static partial Regex SummaryLine();
}
