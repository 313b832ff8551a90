using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>One operation of a path item: what kubectl reads is its parameters and its
/// <c>x-kubernetes-group-version-kind</c>; the rest makes the document look like the API server's.</summary>
public sealed record OpenApiOperation(string Action, string OperationId, string Tag, GroupVersionKind Kind, JsonArray Parameters, string? BodySchema, string ResponseSchema)
{
    private static readonly string[] PatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    /// <summary>Custom resources take no strategic merge patch.</summary>
    public bool StrategicMergePatch { get; init; } = true;

    public JsonObject ToJson()
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(Tag),
            ["description"] = $"{Action} the specified {Kind.Kind}",
            ["operationId"] = OperationId,
        };
        if (BodySchema is not null)
        {
            operation["requestBody"] = RequestBody();
        }

        operation["responses"] = Responses();
        operation["x-kubernetes-action"] = Action;
        operation["x-kubernetes-group-version-kind"] = Kind.ToJson();
        operation["parameters"] = Parameters;
        return operation;
    }

    private JsonObject RequestBody()
    {
        var types = Action == "patch" ? PatchTypes.Where(t => StrategicMergePatch || !t.Contains("strategic", StringComparison.Ordinal)) : ["*/*"];
        var content = new JsonObject();
        foreach (var type in types)
        {
            content[type] = Schema(BodySchema!);
        }

        return new JsonObject { ["content"] = content, ["required"] = Action != "delete" && Action != "deletecollection" };
    }

    private JsonObject Responses()
    {
        var responses = new JsonObject { ["200"] = Response("OK") };
        if (Action is "post" or "put" or "patch")
        {
            responses["201"] = Response("Created");
        }

        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }

    private JsonObject Response(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = Schema(ResponseSchema), ["application/yaml"] = Schema(ResponseSchema) },
    };

    private static JsonObject Schema(string name) =>
        new() { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Reference(name) } };
}

/// <summary>The value of <c>x-kubernetes-group-version-kind</c>.</summary>
public sealed record GroupVersionKind(string Group, string Version, string Kind)
{
    public JsonObject ToJson() => new() { ["group"] = Group, ["kind"] = Kind, ["version"] = Version };
}
