using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>`docker stop -t N` then `docker rm`: the container gets its stop timeout to shut down cleanly.</summary>
internal static class ContainerRemoval
{
    public static async Task StopAndRemoveAsync(IDockerClient client, ContainerInspectResponse container, TimeSpan defaultStopTimeout, CancellationToken cancellationToken)
    {
        var name = container.Name.TrimStart('/');
        try
        {
            if (container.State?.Running == true || container.State?.Restarting == true)
            {
                var timeout = container.Config?.StopTimeout ?? defaultStopTimeout;
                await client.Containers.StopContainerAsync(container.ID, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Max(0, timeout.TotalSeconds) }, cancellationToken).ConfigureAwait(false);
            }

            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error) when (DockerErrors.IsNotFound(error))
        {
            // Already gone: deleting what is gone succeeds.
        }
        catch (DockerApiException error)
        {
            throw new DockerOperationException($"Removing container {name} failed: {DockerErrors.MessageOf(error)}.", error);
        }
    }
}
