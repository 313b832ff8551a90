using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>Durations take Go's syntax (as kubectl and Helm); a bad one is one line naming the option and the syntax,
/// and nothing runs.</summary>
public sealed class DurationOptionTests
{
    [Theory]
    [InlineData("5x", "error: --timeout: \"5x\" is not a Go duration such as 90s, 5m, 1h30m, 500ms or 1.5h (units ns, us, ms, s, m, h).\n")]
    [InlineData("00:05:00", "error: --timeout: \"00:05:00\" is not a Go duration such as 90s, 5m, 1h30m, 500ms or 1.5h (units ns, us, ms, s, m, h).\n")]
    [InlineData("0s", "error: --timeout: \"0s\" must be longer than zero; give a Go duration such as 90s, 5m, 1h30m, 500ms or 1.5h (units ns, us, ms, s, m, h).\n")]
    public async Task A_bad_timeout_is_one_error_line_and_exit_1(string value, string expected)
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(dir.Root, "apply", "--timeout", value, "--auto-approve");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task A_bad_history_max_is_one_error_line_and_exit_1(string value)
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(dir.Root, "apply", "--history-max", value, "--auto-approve");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --history-max: \"{value}\" is not a number of revisions; give a whole number such as 50, or 0 to keep them all.\n", result.Stderr);
    }
}
