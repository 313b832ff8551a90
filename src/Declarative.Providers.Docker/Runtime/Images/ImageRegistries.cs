using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Registries;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// The registries Images are pushed to, for one run: which server and credential an Image's repository uses (the
/// Registry document it names, else the user's docker config, else anonymous), and the registry v2 checks. Owns
/// one registry client and one credential resolver, so a credential helper runs at most once per registry.
/// </summary>
internal sealed class ImageRegistries(DockerProviderOptions options) : IDisposable
{
    private readonly RegistryClient client = new();
    private readonly RegistryCredentialResolver credentials = new(name => options.EnvironmentVariables.GetValueOrDefault(name), options.HomeDirectory);

    /// <summary>The server, path and settings an Image's repository pushes to.</summary>
    public RegistryTarget TargetOf(ImageSpec image)
    {
        var repository = ImageRepository.Parse(image.Repository!);
        if (image.Registry is { } name && options.Registries.TryGetValue(name, out var spec))
        {
            var document = DocumentOf(name, spec);
            return new RegistryTarget(document.Server, repository.Path, document.Insecure, document);
        }

        return new RegistryTarget(repository.Server, repository.Path, false, null);
    }

    /// <summary>The credential to pull <paramref name="reference"/> with: the Registry document whose server is the
    /// reference's registry, else the user's docker config, else none.</summary>
    public async Task<(string Server, RegistryCredential? Credential)> PullCredentialAsync(string reference, CancellationToken cancellationToken)
    {
        var repository = ImageRepository.OfReference(reference);
        var document = options.Registries
            .Select(r => DocumentOf(r.Key, r.Value))
            .FirstOrDefault(d => RegistryServerNames.SameRegistry(d.Server, repository.Server));
        return (repository.Server, await credentials.ResolveAsync(repository.Server, document, cancellationToken).ConfigureAwait(false));
    }

    public Task<RegistryCredential?> CredentialAsync(RegistryTarget target, CancellationToken cancellationToken) =>
        credentials.ResolveAsync(target.Server, target.Document, cancellationToken);

    /// <summary>The digest of <paramref name="tag"/> in the registry; null when it is not there.</summary>
    public async Task<string?> DigestAsync(RegistryTarget target, string tag, CancellationToken cancellationToken)
    {
        var credential = await CredentialAsync(target, cancellationToken).ConfigureAwait(false);
        return await client.GetManifestDigestAsync(target.Server, target.Path, tag, credential, target.Insecure, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fails before a push, with the registry's own reason, when the credential is refused.</summary>
    public async Task CheckAsync(RegistryTarget target, RegistryCredential? credential, CancellationToken cancellationToken) =>
        await client.CheckCredentialsAsync(target.Server, credential, target.Insecure, cancellationToken).ConfigureAwait(false);

    /// <summary>A Registry document with its folder, against which its fromFile credentials resolve.</summary>
    private RegistryDocument DocumentOf(string name, System.Text.Json.Nodes.JsonObject spec)
    {
        var address = new ResourceAddress(string.Empty, DockerKinds.Group, DockerKinds.Registry, null, name);
        return RegistryDocument.FromSpec(name, spec, options.DocumentFolders.GetValueOrDefault(address) ?? Directory.GetCurrentDirectory());
    }

    public void Dispose()
    {
        client.Dispose();
        credentials.Dispose();
    }
}

/// <summary>A repository's registry: server (host[:port]), path inside it, plain HTTP or not, and its Registry document.</summary>
internal sealed record RegistryTarget(string Server, string Path, bool Insecure, RegistryDocument? Document);
