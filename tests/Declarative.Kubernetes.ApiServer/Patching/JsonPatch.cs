using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test).</summary>
public static class JsonPatch
{
    /// <summary>Returns a new node; inputs are not mutated. A failed operation throws <see cref="JsonPatchException"/>.</summary>
    public static JsonNode Apply(JsonNode target, JsonArray operations) => throw new NotImplementedException();
}

/// <summary>A JSON patch operation that cannot be applied (missing path, failed test, bad op).</summary>
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
