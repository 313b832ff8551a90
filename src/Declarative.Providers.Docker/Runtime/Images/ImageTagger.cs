using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// The tag of an Image: the digest of its inputs (docs/images.md), computed without the engine. Context files whose
/// stat did not change since the last run are not read again (the stat cache beside the state).
/// </summary>
internal sealed class ImageTagger(DockerProviderOptions options)
{
    public async Task<(BuildContext Context, string Tag)> TagAsync(ImageSpec image, CancellationToken cancellationToken)
    {
        var context = options.ExcludedFromContexts.Aggregate(BuildContext.Load(image.Context, image.Dockerfile), (current, folder) => current.Without(folder));
        var cache = options.BuildCacheDirectory is { } folder
            ? StatCache.Load(Path.Combine(folder, StatCache.FileNameFor(context.Directory)), context.Directory)
            : null;
        var digest = await InputDigest.ComputeAsync(context, image.Inputs, cache, cancellationToken).ConfigureAwait(false);
        if (cache is not null)
        {
            await cache.SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        return (context, digest.Tag);
    }
}
