using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>Images the engine has.</summary>
internal static class LocalImages
{
    /// <summary>The ID of the local image a reference names, or null when the engine does not have it.</summary>
    public static async Task<string?> IdOfAsync(IDockerClient client, string reference, CancellationToken cancellationToken) =>
        (await DockerErrors.OrNullWhenMissingAsync(() => client.Images.InspectImageAsync(reference, cancellationToken)).ConfigureAwait(false))?.ID;
}
