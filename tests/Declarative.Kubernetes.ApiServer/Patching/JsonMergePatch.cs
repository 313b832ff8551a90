using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>RFC 7386 JSON merge patch: maps merge, null deletes, lists and scalars replace.</summary>
public static class JsonMergePatch
{
    /// <summary>Returns a new node; inputs are not mutated.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => throw new NotImplementedException();
}
