using System.Text.RegularExpressions;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>Runs `decl` in-process as on a terminal: stdout is a StringWriter, but the CLI is told it is a TTY, so it
/// draws the live view there (cursor moves and all) as it would on a screen.</summary>
internal static partial class TerminalRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new IOContext(output, error, workingDirectory, environment, IsTerminal: true);
        var exitCode = await new DeclarativeCli(io).RunAsync(args, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The text as a screen would end up showing it, less the cursor moves: every frame, one after another.</summary>
    public static string Frames(string stdout) => ControlSequence().Replace(stdout, string.Empty).ReplaceLineEndings("\n");

    /// <summary>An SGR sequence (colour, bold): what NO_COLOR and --no-color rule out.</summary>
    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    public static partial Regex Style();

    [GeneratedRegex("\u001b\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex ControlSequence();
}
