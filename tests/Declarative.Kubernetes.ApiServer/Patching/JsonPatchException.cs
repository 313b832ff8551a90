namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>A JSON patch operation that cannot be applied (missing path, failed test, bad op). The message names
/// the operation and the path; the handler answers it as a 422 Status.</summary>
public sealed class JsonPatchException : Exception
{
    public JsonPatchException()
    {
    }

    public JsonPatchException(string message)
        : base(message)
    {
    }

    public JsonPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
