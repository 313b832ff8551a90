using System.Diagnostics;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// `decl` as a real OS process (<c>dotnet decl.dll</c> from the test's output folder, where the project reference
/// copies the CLI): only the environment it is given (plus what dotnet needs to start), stdout and stderr captured
/// line by line, signals sent by pid. Disposing kills it if it still runs, so no test leaves a process behind.
/// </summary>
internal sealed class DeclProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessOutput output = new();

    private DeclProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public string Stdout => output.Text(ProcessOutput.Channel.Stdout);

    public string Stderr => output.Text(ProcessOutput.Channel.Stderr);

    /// <summary>Both streams, for failure messages.</summary>
    public string Transcript => output.Transcript();

    public static DeclProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        // The dotnet that runs the tests (DOTNET_HOST_PATH), or the one on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "decl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the test runner's environment leaks in (a KUBECONFIG, a DECLARATIVE_STATE_DIR) except what dotnet
        // itself needs to start.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "DOTNET_HOST_PATH" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var started = new DeclProcess(process);
        process.OutputDataReceived += (_, e) => started.output.Add(ProcessOutput.Channel.Stdout, e.Data);
        process.ErrorDataReceived += (_, e) => started.output.Add(ProcessOutput.Channel.Stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits until a line of <paramref name="stream"/> contains <paramref name="text"/>; fails with what the
    /// process printed when it exits first or the time runs out.</summary>
    public Task<string> WaitForLineAsync(ProcessOutput.Channel stream, string text, TimeSpan timeout) =>
        output.WaitForAsync(stream, line => line.Contains(text, StringComparison.Ordinal), $"a line containing \"{text}\"", timeout);

    /// <summary>Waits until a line of <paramref name="stream"/> matches; <paramref name="what"/> names it in a failure.</summary>
    public Task<string> WaitForLineAsync(ProcessOutput.Channel stream, Func<string, bool> matches, string what, TimeSpan timeout) =>
        output.WaitForAsync(stream, matches, what, timeout);

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) with kill(1), as a terminal or a CI runner would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill(1) could not be started.");
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} {Id} failed with exit code {kill.ExitCode}.\n{Transcript}");
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void KillHard() => process.Kill();

    /// <summary>The exit code, once the process has exited and its output is read to the end.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"decl (pid {Id}) was still running after {timeout.TotalSeconds:0} s.\n{Transcript}");
        }

        await output.ClosedAsync(timeout);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
