using Declarative.Core.Providers;
using Declarative.Providers.Docker.Images;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// `docker build` on the engine's classic builder: the context streamed as a tar (only what .dockerignore lets
/// through, no temporary copy), build arguments, target stage, platform and labels, tagged with the input digest.
/// A failing step fails with the engine's message and the last lines of the build output.
/// </summary>
internal sealed class ImageBuilder(IDockerClient client, DockerProviderOptions options)
{
    private const int EvidenceLines = 15;

    public async Task<string> BuildAsync(ResourceAddress address, ImageSpec image, BuildContext context, string reference, IReadOnlyDictionary<string, string> ownership, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(image.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in ownership)
        {
            labels[key] = value;
        }

        var parameters = new ImageBuildParameters
        {
            Tags = [reference],
            Dockerfile = context.Dockerfile,
            BuildArgs = image.BuildArgs.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal),
            Labels = labels,
            Remove = true,
            ForceRemove = true,
            Version = "1",
        };
        if (image.Target is { } target)
        {
            parameters.Target = target;
        }

        if (image.Platform is { } platform)
        {
            parameters.Platform = platform;
        }

        var messages = new StreamMessages(line => options.BuildOutput?.Invoke(address, line), EvidenceLines);
        await using (var tar = new ContextTar(context).OpenRead(cancellationToken))
        {
            try
            {
                await client.Images.BuildImageFromDockerfileAsync(parameters, tar, [], new Dictionary<string, string>(), messages, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException error)
            {
                throw Failed(image, DockerErrors.MessageOf(error), messages, error);
            }
        }

        if (messages.Error is { } failure)
        {
            throw Failed(image, failure, messages, null);
        }

        // The last ID the stream announced may belong to an earlier stage: the tag says what was built.
        try
        {
            return (await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerApiException error) when (DockerErrors.IsNotFound(error))
        {
            throw Failed(image, $"the build ended without the tag {reference}", messages, error);
        }
    }

    private static DockerOperationException Failed(ImageSpec image, string reason, StreamMessages messages, Exception? inner)
    {
        var lines = messages.LastLines;
        var evidence = lines.Count == 0 ? string.Empty : $" Last lines of the build:\n  {string.Join("\n  ", lines)}";
        var message = $"Building image {image.Name} from {image.Context} failed: {reason.TrimEnd('.')}. Fix the Dockerfile or the context and apply again.{evidence}";
        return inner is null ? new DockerOperationException(message) : new DockerOperationException(message, inner);
    }
}
