using System.Security.Cryptography;
using System.Text;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The content address of an Image's inputs: the SHA-256 of <see cref="InputDigestEncoding"/> over the build
/// context as docker would send it, the Dockerfile, build arguments, target, platform and labels. Equal inputs
/// give the same digest on any machine and in any folder; computing it never talks to the engine.
/// </summary>
/// <param name="Sha256">The full digest, 64 lowercase hex digits.</param>
internal sealed record InputDigest(string Sha256)
{
    /// <summary>How many hex digits of the digest the tag keeps.</summary>
    public const int TagHexDigits = 12;

    /// <summary>The image tag: <c>in1-</c> and the first 12 hex digits, e.g. <c>in1-3f9a0c1b2d4e</c>.</summary>
    public string Tag => $"{InputDigestEncoding.Version}-{Sha256[..TagHexDigits]}";

    /// <summary>
    /// Hashes the context's files (reusing <paramref name="cache"/> where a file's stat is unchanged, and
    /// refreshing it) and digests them with <paramref name="inputs"/>. The caller saves the cache.
    /// </summary>
    /// <exception cref="BuildContextException">A file in the context cannot be read.</exception>
    public static async Task<InputDigest> ComputeAsync(
        BuildContext context, ImageBuildInputs inputs, StatCache? cache, CancellationToken cancellationToken) =>
        await ComputeAsync(context, inputs, cache, DiskContextFileReader.Instance, cancellationToken).ConfigureAwait(false);

    /// <summary><see cref="ComputeAsync(BuildContext, ImageBuildInputs, StatCache?, CancellationToken)"/> reading
    /// files through <paramref name="reader"/>.</summary>
    public static async Task<InputDigest> ComputeAsync(
        BuildContext context, ImageBuildInputs inputs, StatCache? cache, IContextFileReader reader, CancellationToken cancellationToken)
    {
        var fileHashes = await ContextHashing.HashFilesAsync(context, cache, reader, cancellationToken).ConfigureAwait(false);
        var dockerfileHash = fileHashes.TryGetValue(context.Dockerfile, out var hash)
            ? hash
            : await HashDockerfileThroughLinkAsync(context, reader, cancellationToken).ConfigureAwait(false);
        var text = InputDigestEncoding.Encode(context, dockerfileHash, fileHashes, inputs);
        return new InputDigest(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    public override string ToString() => Tag;

    // The Dockerfile is a symbolic link (or sits below one): hash what it points at.
    private static Task<string> HashDockerfileThroughLinkAsync(BuildContext context, IContextFileReader reader, CancellationToken cancellationToken)
    {
        var fullPath = Path.Combine(context.Directory, context.Dockerfile);
        var entry = new ContextEntry(context.Dockerfile, fullPath, default, null);
        return ContextHashing.HashFileAsync(entry, reader, cancellationToken);
    }
}
