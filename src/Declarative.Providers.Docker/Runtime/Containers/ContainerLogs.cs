using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>The last lines a container wrote to stdout and stderr, as evidence of why it failed.</summary>
internal sealed class ContainerLogs(IDockerClient client)
{
    public async Task<IReadOnlyList<string>> LastLinesAsync(string id, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await client.Containers.GetContainerLogsAsync(
                id,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                cancellationToken).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
            return [.. (stdout + stderr).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(count)];
        }
        catch (DockerApiException)
        {
            return [];
        }
    }
}
