using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// Checks one document against a shape, and reports every problem it finds to <see cref="SchemaFindings"/>:
/// unknown fields, wrong types, missing required fields and values a rule refuses. The root's status is not
/// checked (the server ignores it on create and update), nor what the identity and metadata validators
/// already check: the root's metadata when it is not a map, its name, namespace, labels and annotations.
/// </summary>
internal sealed class SchemaWalk(SchemaFindings findings)
{
    public void Walk(JsonNode? node, SchemaShape shape, string pointer)
    {
        // An explicit null is an absent field for the API server.
        if (node is null)
        {
            return;
        }

        switch (shape)
        {
            case ScalarShape scalar:
                CheckScalar(node, scalar, pointer);
                break;
            case ListShape list:
                WalkList(node, list, pointer);
                break;
            case MapShape map:
                WalkMap(node, map, pointer);
                break;
            case ObjectShape obj:
                WalkObject(node, obj, pointer);
                break;
        }
    }

    private void CheckScalar(JsonNode node, ScalarShape shape, string pointer)
    {
        if (!ScalarChecks.HasKind(node, shape.Kind))
        {
            findings.WrongType(pointer, shape, node);
            return;
        }

        if (shape.Kind == ScalarKind.Bytes && ScalarChecks.Text(node) is { } encoded && ScalarChecks.Base64ErrorAt(encoded) is { } position)
        {
            findings.NotBase64(pointer, position);
            return;
        }

        if (shape.Kind == ScalarKind.Quantity && ScalarChecks.Text(node) is { } quantity && !ScalarChecks.IsQuantity(quantity))
        {
            findings.NotQuantity(pointer, quantity);
            return;
        }

        if (ValueRuleCheck.Problem(node, shape.Rules) is { } problem)
        {
            findings.InvalidValue(pointer, node, shape.Rules, problem);
        }
    }

    private void WalkList(JsonNode node, ListShape shape, string pointer)
    {
        if (node is not JsonArray array)
        {
            findings.WrongType(pointer, shape, node);
            return;
        }

        if (ValueRuleCheck.CountProblem(array.Count, shape.Rules, "item") is { } problem)
        {
            findings.InvalidValue(pointer, node, shape.Rules, problem);
        }

        for (var index = 0; index < array.Count; index++)
        {
            Walk(array[index], shape.Items.Value, JsonPointer.Append(pointer, index));
        }
    }

    private void WalkMap(JsonNode node, MapShape shape, string pointer)
    {
        if (node is not JsonObject map)
        {
            findings.WrongType(pointer, shape, node);
            return;
        }

        foreach (var (key, value) in map)
        {
            Walk(value, shape.Values.Value, JsonPointer.Append(pointer, key));
        }
    }

    private void WalkObject(JsonNode node, ObjectShape shape, string pointer)
    {
        if (node is not JsonObject obj)
        {
            findings.WrongType(pointer, shape, node);
            return;
        }

        foreach (var field in shape.Required)
        {
            if (obj[field] is null && !IsSkipped(pointer, field))
            {
                findings.MissingField(pointer, field, shape);
            }
        }

        foreach (var (key, value) in obj)
        {
            var child = JsonPointer.Append(pointer, key);
            if (IsSkipped(pointer, key) || (pointer.Length == 0 && key == "metadata" && value is not JsonObject))
            {
                continue;
            }

            if (shape.Fields.TryGetValue(key, out var field))
            {
                Walk(value, field.Value, child);
            }
            else if (!shape.PreserveUnknown && !(shape.EmbeddedResource && key is "apiVersion" or "kind" or "metadata"))
            {
                findings.UnknownField(child, shape);
            }
        }
    }

    private static bool IsSkipped(string parent, string key) =>
        (parent.Length == 0 && key == "status")
        || (parent == "/metadata" && key is "labels" or "annotations" or "name" or "namespace");
}
