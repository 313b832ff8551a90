using System.Text.RegularExpressions;

namespace Declarative.Cli.Tests;

/// <summary>Runs `decl` in-process with captured streams, as a user would see it without a terminal.</summary>
internal static partial class CliRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new IOContext(output, error, workingDirectory, environment, IsTerminal: false);
        var exitCode = await new DeclarativeCli(io).RunAsync(args, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    internal static partial Regex AnsiEscape();
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;
}
