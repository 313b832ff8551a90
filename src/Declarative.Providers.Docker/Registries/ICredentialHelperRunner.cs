namespace Declarative.Providers.Docker.Registries;

/// <summary>Runs <c>docker-credential-&lt;helper&gt; get</c> with the server address on stdin (the docker credential
/// helper protocol). Injectable so tests need neither a real helper nor a changed PATH.</summary>
internal interface ICredentialHelperRunner
{
    /// <summary>The helper's exit code and stdout; null when no <c>docker-credential-&lt;helper&gt;</c> program is
    /// found. Throws <see cref="TimeoutException"/> when the helper does not finish in time.</summary>
    Task<CredentialHelperOutput?> GetAsync(string helper, string serverAddress, CancellationToken cancellationToken);
}

/// <summary>What a credential helper printed on stdout, and how it exited.</summary>
internal sealed record CredentialHelperOutput(int ExitCode, string StandardOutput);
