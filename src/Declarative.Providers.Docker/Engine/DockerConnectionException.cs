namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// The Docker engine cannot be located or reached: a bad DOCKER_* variable, docker.host or context file, unreadable
/// TLS files, or an engine that does not answer. The message names the setting or address, where it came from and
/// what to do; it never carries secrets.
/// </summary>
public sealed class DockerConnectionException : Exception
{
    public DockerConnectionException()
        : base("The Docker engine cannot be reached")
    {
    }

    public DockerConnectionException(string message)
        : base(message)
    {
    }

    public DockerConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
