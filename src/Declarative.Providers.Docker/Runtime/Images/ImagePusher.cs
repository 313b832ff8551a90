using Declarative.Core.Providers;
using Declarative.Providers.Docker.Registries;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// `docker push` of one tag with the registry's credential, checked first so that a wrong password fails at once
/// with the registry's answer (never the password). The pushed digest comes from the push stream.
/// </summary>
internal sealed class ImagePusher(IDockerClient client, ImageRegistries registries, DockerProviderOptions options)
{
    private const int EvidenceLines = 10;

    public async Task<string> PushAsync(ResourceAddress address, ImageSpec image, string tag, CancellationToken cancellationToken)
    {
        var target = registries.TargetOf(image);
        RegistryCredential? credential;
        try
        {
            credential = await registries.CredentialAsync(target, cancellationToken).ConfigureAwait(false);
            await registries.CheckAsync(target, credential, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException error)
        {
            throw new DockerOperationException($"Pushing image {image.Name} to {target.Server} failed: {error.Message.TrimEnd('.')}.", error);
        }

        var messages = new StreamMessages(line => options.BuildOutput?.Invoke(address, line), EvidenceLines);
        try
        {
            await client.Images.PushImageAsync(image.Repository!, new ImagePushParameters { Tag = tag }, RegistryAuthConfigs.ForPush(target.Server, credential), messages, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw new DockerOperationException($"Pushing image {image.Repository}:{tag} failed: {DockerErrors.MessageOf(error)}.", error);
        }

        if (messages.Error is { } failure)
        {
            throw new DockerOperationException($"Pushing image {image.Repository}:{tag} failed: {failure.TrimEnd('.')}. Check the Registry's server and credentials, then apply again.");
        }

        return messages.Digest
            ?? throw new DockerOperationException($"Pushing image {image.Repository}:{tag} ended without the registry's digest. Apply again; if it persists, the registry did not confirm the push.");
    }
}
