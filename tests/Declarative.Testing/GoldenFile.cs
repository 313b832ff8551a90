using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Testing;

/// <summary>
/// Compares text a user reads (plan output, diagnostics, --help) with a checked-in golden file. The path is
/// relative to the calling test project's folder. Line breaks are normalized to LF and ANSI escapes are
/// removed before comparing; trailing line breaks are not compared, because editors add a final newline.
/// With <c>DECLARATIVE_UPDATE_GOLDEN=1</c> the golden file is (re)written and the assertion passes.
/// </summary>
public static partial class GoldenFile
{
    public const string UpdateVariable = "DECLARATIVE_UPDATE_GOLDEN";

    private const int ContextLines = 2;
    private const int MaxShownLines = 20;

    public static void Assert(
        string actual,
        string relativePath,
        [CallerFilePath] string callerFilePath = "",
        [CallerMemberName] string callerMemberName = "")
    {
        var projectDirectory = FindProjectDirectory(callerFilePath);
        var goldenPath = Path.GetFullPath(Path.Combine(projectDirectory, relativePath));
        var normalizedActual = Normalize(actual);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, normalizedActual);
            return;
        }

        var expected = File.Exists(goldenPath) ? Normalize(File.ReadAllText(goldenPath)) : null;
        if (expected is not null && Comparable(expected) == Comparable(normalizedActual))
        {
            return;
        }

        var actualCopy = WriteActualCopy(normalizedActual, projectDirectory, relativePath);
        var message = new StringBuilder()
            .AppendLine(expected is null
                ? $"Golden file {Display(goldenPath)} does not exist."
                : $"Output differs from golden file {Display(goldenPath)}.")
            .Append(expected is null ? string.Empty : FirstDifference(expected, normalizedActual))
            .Append(AcceptInstructions(goldenPath, actualCopy, projectDirectory, callerMemberName))
            .ToString();
        Xunit.Assert.Fail(message);
    }

    /// <summary>LF line breaks, no ANSI escape sequences.</summary>
    public static string Normalize(string text) =>
        AnsiEscape().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), string.Empty);

    private static string Comparable(string normalized) => normalized.TrimEnd('\n');

    private static string FindProjectDirectory(string callerFilePath)
    {
        foreach (var candidate in CandidatePaths(callerFilePath))
        {
            for (var dir = new DirectoryInfo(Path.GetDirectoryName(candidate) ?? candidate); dir is not null; dir = dir.Parent)
            {
                if (dir.EnumerateFiles("*.csproj").Any())
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"GoldenFile could not find the .csproj above the calling test file '{callerFilePath}'. " +
            "Call GoldenFile.Assert from a test source file inside a test project.");
    }

    // A deterministic CI build may map source paths to "/_/"; such a path is relative to the repository root.
    private static IEnumerable<string> CandidatePaths(string callerFilePath)
    {
        if (File.Exists(callerFilePath))
        {
            yield return callerFilePath;
        }

        var mapped = MappedSourceRoot().Match(callerFilePath);
        if (mapped.Success)
        {
            var local = Path.Combine(TestPaths.RepositoryRoot, callerFilePath[mapped.Length..]);
            if (File.Exists(local))
            {
                yield return local;
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = Comparable(expected).Split('\n');
        var actualLines = Comparable(actual).Split('\n');
        var prefix = CommonPrefix(expectedLines, actualLines);
        var suffix = CommonSuffix(expectedLines, actualLines, prefix);
        var start = Math.Max(0, prefix - ContextLines);

        var hunk = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"--- expected (golden)")
            .AppendLine(CultureInfo.InvariantCulture, $"+++ actual")
            .AppendLine(CultureInfo.InvariantCulture, $"@@ first difference at line {prefix + 1} @@");
        AppendLines(hunk, ' ', expectedLines, start, prefix);
        AppendLines(hunk, '-', expectedLines, prefix, expectedLines.Length - suffix);
        AppendLines(hunk, '+', actualLines, prefix, actualLines.Length - suffix);
        var after = expectedLines.Length - suffix;
        AppendLines(hunk, ' ', expectedLines, after, Math.Min(expectedLines.Length, after + ContextLines));
        return hunk.ToString();
    }

    private static int CommonPrefix(string[] left, string[] right)
    {
        var count = 0;
        while (count < left.Length && count < right.Length && left[count] == right[count])
        {
            count++;
        }

        return count;
    }

    private static int CommonSuffix(string[] left, string[] right, int prefix)
    {
        var count = 0;
        while (count < left.Length - prefix && count < right.Length - prefix
               && left[left.Length - 1 - count] == right[right.Length - 1 - count])
        {
            count++;
        }

        return count;
    }

    private static void AppendLines(StringBuilder builder, char marker, string[] lines, int from, int to)
    {
        var shownEnd = Math.Min(to, from + MaxShownLines);
        for (var index = from; index < shownEnd; index++)
        {
            builder.Append(marker).AppendLine(lines[index]);
        }

        if (to > shownEnd)
        {
            builder.Append(marker).AppendLine(CultureInfo.InvariantCulture, $" ... {to - shownEnd} more line(s)");
        }
    }

    private static string WriteActualCopy(string normalizedActual, string projectDirectory, string relativePath)
    {
        var path = Path.Combine(
            Path.GetTempPath(), "declarative-golden", Path.GetFileName(projectDirectory), relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, normalizedActual);
        return path;
    }

    private static string AcceptInstructions(
        string goldenPath, string actualCopy, string projectDirectory, string testName) =>
        new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The actual output is in {actualCopy}.")
            .AppendLine("If the new output is right, accept it with:")
            .AppendLine(CultureInfo.InvariantCulture, $"  cp '{actualCopy}' '{goldenPath}'")
            .AppendLine("or rewrite the golden files of this test with:")
            .AppendLine(CultureInfo.InvariantCulture,
                $"  {UpdateVariable}=1 dotnet test {Display(projectDirectory)} --filter \"FullyQualifiedName~{testName}\"")
            .AppendLine("and review the change with `git diff` before committing.")
            .ToString();

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(TestPaths.RepositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^/_\d*/")]
    private static partial Regex MappedSourceRoot();
}
