namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The build context cannot be read as docker would send it: a missing folder or Dockerfile, an unreadable
/// file, an invalid .dockerignore line. The message names the path and what to do.
/// </summary>
public sealed class BuildContextException : Exception
{
    public BuildContextException()
    {
    }

    public BuildContextException(string message)
        : base(message)
    {
    }

    public BuildContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
