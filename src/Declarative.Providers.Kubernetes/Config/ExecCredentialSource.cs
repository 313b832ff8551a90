namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Caches a credential plugin's answer until its expirationTimestamp and re-runs the plugin when a
/// request with the cached token was refused (401). Thread-safe; the plugin runs at most once at a time.</summary>
public sealed class ExecCredentialSource(KubeExecConfig exec, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExecCredential? _current;

    /// <summary>The cached credential, if any, without running the plugin (for the TLS client certificate).</summary>
    public ExecCredential? Current => Volatile.Read(ref _current);

    public async Task<ExecCredential> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Current) is { } cached)
        {
            return cached;
        }

        return await RefreshAsync(null, cancellationToken);
    }

    /// <summary>Re-runs the plugin unless another caller already replaced <paramref name="rejected"/>.</summary>
    public async Task<ExecCredential> RefreshAsync(ExecCredential? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = Current;
            if (current is not null && !ReferenceEquals(current, rejected) && Fresh(current) is not null)
            {
                return current;
            }

            var fresh = await ExecCredentialPlugin.RunAsync(exec, cancellationToken);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ExecCredential? Fresh(ExecCredential? credential) =>
        credential is { Expiry: null } || (credential?.Expiry is { } expiry && expiry > clock.GetUtcNow()) ? credential : null;
}
