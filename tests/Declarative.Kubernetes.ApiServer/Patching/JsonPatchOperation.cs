using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>One entry of a JSON patch: <see cref="HasValue"/> tells an explicit null value from a missing one.</summary>
internal sealed record JsonPatchOperation(string Op, string Path, string? From, JsonNode? Value, bool HasValue)
{
    public static JsonPatchOperation Read(JsonNode? entry)
    {
        if (entry is not JsonObject members)
        {
            throw new JsonPatchException("a JSON patch operation must be an object with \"op\" and \"path\"");
        }

        var op = Text(members, "op") ?? throw new JsonPatchException("a JSON patch operation is missing \"op\"");
        var path = Text(members, "path") ?? throw new JsonPatchException($"{op} operation is missing \"path\"");
        var hasValue = members.TryGetPropertyValue("value", out var value);
        return new JsonPatchOperation(op, path, Text(members, "from"), value, hasValue);
    }

    /// <summary>The operation's value, cloned so that the result never shares nodes with the patch.</summary>
    public JsonNode? RequireValue() => HasValue ? Value.DeepCloneOrNull() : throw Fail("missing \"value\"");

    public JsonPatchException Fail(string reason) => new($"{Op} operation does not apply to \"{Path}\": {reason}");

    private static string? Text(JsonObject members, string name) =>
        members[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
