namespace Declarative.Providers.Docker.Registries;

/// <summary>A credential could not be read: a missing environment variable or file, an unreadable docker config, a
/// missing or failing credential helper. The message names where to look, never the secret.</summary>
public sealed class RegistryCredentialException : RegistryException
{
    public RegistryCredentialException()
        : base("A registry credential could not be read")
    {
    }

    public RegistryCredentialException(string message)
        : base(message)
    {
    }

    public RegistryCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
