using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Makes sure the engine has an image before a container is created from it: present, or pulled like `docker run`
/// would. Errors in the pull stream arrive inside an HTTP 200 response (JSONMessage.Error) and are turned into an
/// exception here, because the library does not throw for them.
/// </summary>
internal sealed class ImagePresence(IDockerClient client)
{
    public async Task EnsureAsync(string reference, string usedBy, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (DockerApiException error) when (DockerErrors.IsNotFound(error))
        {
            // Not here: pull it.
        }

        var errors = new StringBuilder();
        var progress = new Progress<JSONMessage>(message =>
        {
            if (message.Error?.Message is { Length: > 0 } text)
            {
                lock (errors)
                {
                    errors.Append(text);
                }
            }
        });
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference }, null, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw NotAvailable(reference, usedBy, DockerErrors.MessageOf(error), error);
        }

        // The progress callbacks run on the thread pool: the image itself says whether the pull worked.
        try
        {
            await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error) when (DockerErrors.IsNotFound(error))
        {
            string reason;
            lock (errors)
            {
                reason = errors.Length > 0 ? errors.ToString() : "the pull finished without the image";
            }

            throw NotAvailable(reference, usedBy, reason, error);
        }
    }

    private static DockerOperationException NotAvailable(string reference, string usedBy, string reason, Exception inner) =>
        new($"The image {reference} for {usedBy} is not on this Docker engine and could not be pulled: {reason}. Build or load it first, or fix the reference.", inner);
}
