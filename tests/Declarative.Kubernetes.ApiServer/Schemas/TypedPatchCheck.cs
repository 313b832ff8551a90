using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>
/// What server-side apply's conversion of the applied object to a typed value refuses
/// (sigs.k8s.io/structured-merge-diff typed.AsTyped): every field the schema does not declare, named by its
/// field path (".spec.template.spec.containers[name=\"web\"].imagez": items of keyed lists by their key), and
/// scalars of the wrong kind. The apiserver wraps these in "failed to create typed patch object" and answers 500
/// whatever fieldValidation says (structuredmerge.go Apply).
/// </summary>
public sealed class TypedPatchCheck(BuiltInSchema schema)
{
    public IReadOnlyList<string> Errors(JsonObject applied, SchemaType type)
    {
        var errors = new List<string>();
        Object(applied, type, string.Empty, errors);
        return errors;
    }

    /// <summary>ValidationErrors.Error(): one error alone, several as "errors:" and one indented line each.</summary>
    public static string Join(IReadOnlyList<string> errors) =>
        errors.Count == 1 ? errors[0] : string.Join("\n", new[] { "errors:" }.Concat(errors.Select(e => "  " + e)));

    private void Object(JsonObject obj, SchemaType type, string path, List<string> errors)
    {
        foreach (var (name, value) in obj)
        {
            var childPath = $"{path}.{name}";
            if (!type.Properties.TryGetValue(name, out var expression))
            {
                errors.Add($"{childPath}: field not declared in schema");
                continue;
            }

            Value(value, expression, childPath, type.MergeKeys.GetValueOrDefault(name), errors);
        }
    }

    private void Value(JsonNode? value, string expression, string path, string? mergeKey, List<string> errors)
    {
        if (value is null || expression == "raw")
        {
            return;
        }

        var kind = value.GetValueKind();
        var scalarError = expression switch
        {
            "string" or "date-time" or "byte" when kind != JsonValueKind.String => "expected string, got " + Kind(kind),
            "integer" or "number" when kind != JsonValueKind.Number => "expected numeric (int or float), got " + Kind(kind),
            "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False) => "expected boolean, got " + Kind(kind),
            "int-or-string" or "quantity" when kind is not (JsonValueKind.String or JsonValueKind.Number) => "expected string or numeric, got " + Kind(kind),
            _ => null,
        };
        if (scalarError is not null)
        {
            errors.Add($"{path}: {scalarError}");
            return;
        }

        if (expression.StartsWith('['))
        {
            if (value is not JsonArray array)
            {
                errors.Add($"{path}: expected list, got {Kind(kind)}");
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                Value(array[i], expression[1..], path + Item(array[i], i, mergeKey), null, errors);
            }

            return;
        }

        if (expression.StartsWith('{'))
        {
            if (value is not JsonObject map)
            {
                errors.Add($"{path}: expected map, got {Kind(kind)}");
                return;
            }

            foreach (var (key, item) in map)
            {
                Value(item, expression[1..], $"{path}.{key}", null, errors);
            }

            return;
        }

        if (schema.Type(expression) is { } type)
        {
            if (value is JsonObject child)
            {
                Object(child, type, path, errors);
            }
            else
            {
                errors.Add($"{path}: expected map, got {Kind(kind)}");
            }
        }
    }

    private static string Item(JsonNode? item, int index, string? mergeKey) =>
        mergeKey is not null && item is JsonObject obj && obj[mergeKey] is { } key
            ? $"[{mergeKey}={key.ToJsonString()}]"
            : string.Create(CultureInfo.InvariantCulture, $"[{index}]");

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "numeric",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "list",
        _ => "map",
    };
}
