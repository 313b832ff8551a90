namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// A registry cannot answer a question: unreachable, refusing, or answering something unexpected; or its credentials
/// cannot be read. The message names the registry (or the Registry document) and says what to do; it never carries a
/// password or token.
/// </summary>
public class RegistryException : Exception
{
    public RegistryException()
        : base("The registry request failed")
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
