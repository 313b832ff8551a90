using Declarative.Providers.Docker.Registries;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Makes sure the engine has an image before a container is created from it: present, or pulled like `docker run`
/// would. Errors in the pull stream arrive inside an HTTP 200 response (JSONMessage.Error) and are turned into an
/// exception here, because the library does not throw for them.
/// </summary>
internal sealed class ImagePresence(IDockerClient client, Images.ImageRegistries registries)
{
    public async Task EnsureAsync(string reference, string usedBy, CancellationToken cancellationToken)
    {
        if (await LocalImages.IdOfAsync(client, reference, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var messages = new StreamMessages(null, 5);
        try
        {
            // A private registry needs the same credential for a pull as for the push (a rollback to a pinned reference).
            var (server, credential) = await registries.PullCredentialAsync(reference, cancellationToken).ConfigureAwait(false);
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference }, RegistryAuthConfigs.ForPush(server, credential), messages, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw NotAvailable(reference, usedBy, DockerErrors.MessageOf(error), error);
        }
        catch (RegistryException error)
        {
            throw NotAvailable(reference, usedBy, error.Message, error);
        }

        if (messages.Error is not null || await LocalImages.IdOfAsync(client, reference, cancellationToken).ConfigureAwait(false) is null)
        {
            throw NotAvailable(reference, usedBy, messages.Error ?? "the pull finished without the image", null);
        }
    }

    private static DockerOperationException NotAvailable(string reference, string usedBy, string reason, Exception? inner)
    {
        var message = $"The image {reference} for {usedBy} is not on this Docker engine and could not be pulled: {reason.TrimEnd('.')}. Build or load it first, or fix the reference.";
        return inner is null ? new DockerOperationException(message) : new DockerOperationException(message, inner);
    }
}
