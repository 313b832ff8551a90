namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>A Docker operation the user can fix failed: the message names the object, what went wrong and what to do.</summary>
public sealed class DockerOperationException : Exception
{
    public DockerOperationException(string message)
        : base(message)
    {
    }

    public DockerOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerOperationException()
    {
    }
}
