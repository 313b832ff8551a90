using System.Diagnostics;

namespace Declarative.Cli.Tests.Completion;

/// <summary>Runs a shell (or any program found on PATH) to completion with its output captured.</summary>
internal static class ShellScripts
{
    /// <summary>The program's full path on PATH, or null when it is not installed.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    public static Task<ShellResult> RunAsync(string executable, string workingDirectory, params string[] args) =>
        RunAsync(executable, workingDirectory, new Dictionary<string, string>(), args);

    public static Task<ShellResult> RunAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(executable, workingDirectory, environment, TimeSpan.FromMinutes(5), args);

    /// <summary>Kills the process tree and fails when <paramref name="timeout"/> passes first.</summary>
    public static async Task<ShellResult> RunAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} {string.Join(' ', args)} was still running after {timeout.TotalMinutes:0} minutes.");
        }

        return new ShellResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record ShellResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
