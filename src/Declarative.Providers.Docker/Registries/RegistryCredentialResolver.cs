namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Chooses the credential for a registry: the Registry document's username and password when it gives them, else
/// the user's docker config (auths, credHelpers, credsStore), else none (anonymous). One per run: the docker config
/// is read once and each server's answer is kept, so a credential helper runs at most once per registry.
/// Thread-safe.
/// </summary>
internal sealed class RegistryCredentialResolver(
    Func<string, string?> getEnvironmentVariable,
    string homeDirectory,
    ICredentialHelperRunner? helpers = null) : IDisposable
{
    private readonly RegistryDocumentCredentials _documents = new(getEnvironmentVariable);
    private readonly ICredentialHelperRunner _helpers =
        helpers ?? new ProcessCredentialHelperRunner(getEnvironmentVariable("PATH"), ProcessCredentialHelperRunner.DefaultTimeout);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, RegistryCredential?> _fromDockerConfig = new(StringComparer.Ordinal);
    private DockerConfigCredentials? _dockerConfig;

    /// <summary>The credential for <paramref name="server"/> (the Registry's server when <paramref name="registry"/>
    /// is given, else the host of an Image's repository); null for anonymous access.</summary>
    public async Task<RegistryCredential?> ResolveAsync(string server, RegistryDocument? registry, CancellationToken cancellationToken)
    {
        if (registry is not null && await _documents.ReadAsync(registry, cancellationToken) is { } fromDocument)
        {
            return fromDocument;
        }

        return await FromDockerConfigAsync(server, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<RegistryCredential?> FromDockerConfigAsync(string server, CancellationToken cancellationToken)
    {
        var key = RegistryServerNames.ConfigKeyOf(server);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_fromDockerConfig.TryGetValue(key, out var known))
            {
                return known;
            }

            _dockerConfig ??= new DockerConfigCredentials(
                await DockerConfigFile.LoadAsync(DockerConfigFile.Locate(getEnvironmentVariable, homeDirectory), cancellationToken),
                _helpers);
            var found = await _dockerConfig.FindAsync(server, cancellationToken);
            _fromDockerConfig[key] = found;
            return found;
        }
        finally
        {
            _gate.Release();
        }
    }
}
