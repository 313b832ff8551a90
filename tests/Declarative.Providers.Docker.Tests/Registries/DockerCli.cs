using System.Diagnostics;

namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>Runs the docker CLI against DOCKER_HOST for test setup, with its own config folder so the user's
/// ~/.docker is never read or written.</summary>
internal sealed class DockerCli(string configFolder)
{
    public async Task<string> RunAsync(string? input, params string[] arguments)
    {
        var info = new ProcessStartInfo("docker")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(configFolder);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    /// <summary>Like <see cref="RunAsync"/>, ignoring failure (for clean-up).</summary>
    public async Task TryRunAsync(params string[] arguments)
    {
        try
        {
            await RunAsync(null, arguments);
        }
        catch (InvalidOperationException)
        {
            // Clean-up of something already gone.
        }
    }
}
