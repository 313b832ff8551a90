namespace Declarative.Providers.Docker.Registries;

/// <summary>One thing asked of a registry, as authentication sees it: where, which scope a token must grant
/// (<c>repository:NAME:pull</c>, or "" for the /v2/ check), as whom, and the repository for messages.</summary>
internal sealed record RegistryAccess(RegistryEndpoint Endpoint, string Scope, RegistryCredential? Credential, string? Repository)
{
    public TokenKey TokenKey => new(Endpoint.Key, Scope, Credential);

    /// <summary>The registry as the user wrote it, for messages.</summary>
    public string Registry => Endpoint.Server;
}
