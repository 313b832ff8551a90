using System.ComponentModel;
using System.Diagnostics;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Runs a credential helper as a child process found on <paramref name="searchPath"/> (the PATH of the run). The
/// helper gets <paramref name="timeout"/> to answer, because a helper waiting for a keychain unlock would otherwise
/// stall the plan forever; stderr is discarded (helpers print their own diagnostics there).
/// </summary>
internal sealed class ProcessCredentialHelperRunner(string? searchPath, TimeSpan timeout) : ICredentialHelperRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public async Task<CredentialHelperOutput?> GetAsync(string helper, string serverAddress, CancellationToken cancellationToken)
    {
        var program = Find("docker-credential-" + helper);
        if (program is null)
        {
            return null;
        }

        using var process = new Process { StartInfo = StartInfo(program) };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            await WriteInputAsync(process, serverAddress, deadline.Token);
            var output = await stdout;
            await stderr;
            await process.WaitForExitAsync(deadline.Token);
            return new CredentialHelperOutput(process.ExitCode, output);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"docker-credential-{helper} did not answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    private static async Task WriteInputAsync(Process process, string serverAddress, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(serverAddress.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The helper exited without reading stdin; its exit code and output still say what happened.
        }
    }

    private string? Find(string name)
    {
        foreach (var folder in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }

    private static ProcessStartInfo StartInfo(string program)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("get");
        return info;
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It already exited.
        }
    }
}
