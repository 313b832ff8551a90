namespace Declarative.Providers.Docker.Registries;

/// <summary>The registry (or its token server) refused the credential, or wants one and none was given.
/// <see cref="Username"/> is null for anonymous requests. The message never carries the password.</summary>
public sealed class RegistryAuthException : RegistryException
{
    public RegistryAuthException()
        : base("Authentication to the registry failed")
    {
        Registry = string.Empty;
    }

    public RegistryAuthException(string message)
        : base(message)
    {
        Registry = string.Empty;
    }

    public RegistryAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Registry = string.Empty;
    }

    public RegistryAuthException(string registry, string? username, string message)
        : base(message)
    {
        Registry = registry;
        Username = username;
    }

    public string Registry { get; }

    public string? Username { get; }

    /// <summary>The credential was sent and refused.</summary>
    internal static RegistryAuthException Refused(string registry, RegistryCredential credential) =>
        new(registry, credential.DisplayName, $"authentication to {registry} failed for {credential.DisplayName}: check {credential.Source}");

    /// <summary>No credential was sent and the registry wants one.</summary>
    internal static RegistryAuthException Required(string registry, string? repository) =>
        new(registry, null, $"{registry} requires authentication{(repository is null ? string.Empty : $" to read {repository}")} and no credential was found: " +
            $"give the Registry document a username and password, or run docker login {registry}");
}
