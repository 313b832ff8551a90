using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test).</summary>
public static class JsonPatch
{
    /// <summary>Returns a new node; inputs are not mutated. A failed operation throws <see cref="JsonPatchException"/>.</summary>
    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        JsonNode? document = target.DeepClone();
        foreach (var entry in operations)
        {
            var operation = JsonPatchOperation.Read(entry);
            document = Apply(document, operation);
        }

        return document ?? throw new JsonPatchException("the patch left an empty document: the result must be an object");
    }

    private static JsonNode? Apply(JsonNode? document, JsonPatchOperation operation) => operation.Op switch
    {
        "add" => Add(document, operation, Path(operation), operation.RequireValue()),
        "remove" => Remove(document, operation, Path(operation)),
        "replace" => Replace(document, operation),
        "move" => Move(document, operation),
        "copy" => Add(document, operation, Path(operation), Find(document, operation, From(operation), "from path").DeepCloneOrNull()),
        "test" => Test(document, operation),
        _ => throw new JsonPatchException($"Unexpected kind: {operation.Op}"),
    };

    private static IReadOnlyList<string> Path(JsonPatchOperation operation) => JsonPointer.Parse(operation.Path, operation.Op);

    private static IReadOnlyList<string> From(JsonPatchOperation operation) =>
        JsonPointer.Parse(operation.From ?? throw operation.Fail("missing \"from\""), operation.Op);

    private static JsonNode? Add(JsonNode? document, JsonPatchOperation operation, IReadOnlyList<string> tokens, JsonNode? value)
    {
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Parent(document, operation, tokens);
        var last = tokens[^1];
        if (parent is JsonObject members)
        {
            members[last] = value;
        }
        else if (parent is JsonArray items)
        {
            var index = JsonPointer.ArrayIndex(last, items.Count, allowEnd: true) ?? throw operation.Fail($"index \"{last}\" is out of range");
            items.Insert(index, value);
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPatchOperation operation, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            throw operation.Fail("the whole document cannot be removed");
        }

        var parent = Parent(document, operation, tokens);
        var last = tokens[^1];
        if (parent is JsonObject members && !members.Remove(last))
        {
            throw operation.Fail("doc is missing key: " + operation.Path + ": missing value");
        }

        if (parent is JsonArray items)
        {
            var index = JsonPointer.ArrayIndex(last, items.Count, allowEnd: false) ?? throw operation.Fail($"index \"{last}\" is out of range");
            items.RemoveAt(index);
        }

        return document;
    }

    private static JsonNode? Replace(JsonNode? document, JsonPatchOperation operation)
    {
        var tokens = Path(operation);
        var value = operation.RequireValue();
        if (tokens.Count == 0)
        {
            return value;
        }

        Find(document, operation, tokens, "key");
        return Add(Remove(document, operation, tokens), operation, tokens, value);
    }

    private static JsonNode? Move(JsonNode? document, JsonPatchOperation operation)
    {
        var from = From(operation);
        var to = Path(operation);
        var value = Find(document, operation, from, "from path");
        if (operation.Path == operation.From)
        {
            return document;
        }

        if (operation.Path.StartsWith(operation.From + "/", StringComparison.Ordinal))
        {
            throw operation.Fail("a value cannot be moved into one of its children");
        }

        return Add(Remove(document, operation, from), operation, to, value.DeepCloneOrNull());
    }

    private static JsonNode? Test(JsonNode? document, JsonPatchOperation operation)
    {
        var expected = operation.RequireValue();
        var actual = Find(document, operation, Path(operation), "key");
        if (!JsonNode.DeepEquals(actual, expected))
        {
            throw new JsonPatchException($"testing value {operation.Path} failed: test failed");
        }

        return document;
    }

    private static JsonNode Parent(JsonNode? document, JsonPatchOperation operation, IReadOnlyList<string> tokens)
    {
        var parent = JsonPatchNavigator.Resolve(document, tokens.Take(tokens.Count - 1));
        return parent.Found && parent.Node is JsonObject or JsonArray
            ? parent.Node!
            : throw operation.Fail($"doc is missing path: \"{operation.Path}\": missing value");
    }

    private static JsonNode? Find(JsonNode? document, JsonPatchOperation operation, IReadOnlyList<string> tokens, string what)
    {
        var found = JsonPatchNavigator.Resolve(document, tokens);
        var pointer = what == "from path" ? operation.From : operation.Path;
        return found.Found ? found.Node : throw operation.Fail($"doc is missing {what}: {pointer}: missing value");
    }
}
