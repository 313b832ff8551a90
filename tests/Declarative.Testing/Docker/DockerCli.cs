using System.ComponentModel;
using System.Diagnostics;

namespace Declarative.Testing.Docker;

/// <summary>Runs the real docker CLI against <see cref="DockerTestServices.Current"/>: a view of the engine that
/// owes nothing to the provider's own client.</summary>
public static class DockerCli
{
    public static Task<DockerCliResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(arguments, workingDirectory: null, cancellationToken);

    public static async Task<DockerCliResult> RunAsync(
        IEnumerable<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOCKER_HOST"] = DockerTestServices.Current.DockerHost;
        // The classic builder: the one behind the engine's POST /build, which the provider uses.
        start.Environment["DOCKER_BUILDKIT"] = "0";
        var command = "docker " + string.Join(' ', start.ArgumentList);

        Process process;
        try
        {
            process = Process.Start(start)
                ?? throw new InvalidOperationException($"`{command}` did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"`{command}` could not start ({exception.Message}): the docker CLI is not on PATH. " +
                "Run scripts/test.sh, which installs Debian's docker.io.", exception);
        }

        using (process)
        {
            var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new DockerCliResult(command, process.ExitCode, await standardOutput, await standardError);
        }
    }
}

/// <summary>What one docker CLI run did.</summary>
public sealed record DockerCliResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>For assertion messages: the command, its exit code and both outputs.</summary>
    public string Describe() =>
        $"`{Command}` exited with {ExitCode}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
