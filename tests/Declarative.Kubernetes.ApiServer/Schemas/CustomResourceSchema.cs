using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>
/// A CRD version's openAPIV3Schema as apiextensions-apiserver uses it: pruning drops the fields the schema does
/// not declare (unless x-kubernetes-preserve-unknown-fields) and reports them as unknown fields, then the
/// object is validated with kube-openapi's validator, each failure turned into a field cause by
/// apiextensions-apiserver pkg/apiserver/validation (kubeOpenAPIResultToFieldErrors): type, required, enum,
/// pattern, minimum/maximum, lengths, items.
/// </summary>
public sealed class CustomResourceSchema(JsonObject openApiV3Schema)
{
    private static readonly string[] ObjectRootFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Removes undeclared fields and non-nullable nulls; returns the removed fields' paths.</summary>
    public IReadOnlyList<string> Prune(JsonObject obj)
    {
        var unknown = new List<string>();
        PruneObject(obj, openApiV3Schema, string.Empty, unknown, isRoot: true);
        return unknown;
    }

    public IReadOnlyList<StatusCause> Validate(JsonObject obj)
    {
        var causes = new List<StatusCause>();
        var copy = (JsonObject)obj.DeepClone();
        foreach (var field in ObjectRootFields)
        {
            copy.Remove(field);
        }

        ValidateNode(copy, openApiV3Schema, string.Empty, causes);
        return causes;
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> unknown, bool isRoot)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields");
        var embedded = isRoot || Flag(schema, "x-kubernetes-embedded-resource");
        foreach (var (name, value) in obj.ToList())
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (embedded && ObjectRootFields.Contains(name))
            {
                continue;
            }

            var childSchema = properties?[name] as JsonObject ?? additional;
            if (childSchema is null)
            {
                if (!preserve)
                {
                    unknown.Add(childPath);
                    obj.Remove(name);
                }

                continue;
            }

            if (value is null && !Flag(childSchema, "nullable"))
            {
                obj.Remove(name);
                continue;
            }

            PruneNode(value, childSchema, childPath, unknown);
        }
    }

    private static void PruneNode(JsonNode? value, JsonObject schema, string path, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject child:
                PruneObject(child, schema, path, unknown, isRoot: false);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], items, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), unknown);
                }

                break;
        }
    }

    private static void ValidateNode(JsonNode? value, JsonObject schema, string path, List<StatusCause> causes)
    {
        if (value is null)
        {
            if (!Flag(schema, "nullable") && schema["type"] is not null)
            {
                causes.Add(TypeInvalid(path, "null", (string?)schema["type"] ?? string.Empty));
            }

            return;
        }

        var actual = OpenApiType(value);
        if (!TypeMatches(schema, actual, out var expected))
        {
            causes.Add(TypeInvalid(path, actual, expected));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var supported = allowed.Select(a => a is JsonValue v && v.TryGetValue(out string? s) ? ValueText.Render(s) : a?.ToJsonString() ?? "null");
            causes.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: {ValueText.Render(value)}: supported values: {string.Join(", ", supported)}", path));
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, causes);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, causes);
                break;
            case JsonValue scalar when actual == "string":
                ValidateString(scalar.GetValue<string>(), schema, path, causes);
                break;
            case JsonValue number when actual is "integer" or "number":
                ValidateNumber(number, schema, path, causes);
                break;
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<StatusCause> causes)
    {
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => (string?)r ?? string.Empty))
        {
            if (obj[required] is null)
            {
                causes.Add(StatusCause.Required(Join(path, required)));
            }
        }

        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if ((properties?[name] as JsonObject ?? additional) is { } childSchema)
            {
                ValidateNode(child, childSchema, Join(path, name), causes);
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<StatusCause> causes)
    {
        if (Number(schema, "maxItems") is { } maxItems && array.Count > maxItems)
        {
            causes.Add(new StatusCause("FieldValueTooMany", string.Create(CultureInfo.InvariantCulture, $"Too many: {array.Count}: must have at most {maxItems} items"), path));
        }

        if (Number(schema, "minItems") is { } minItems && array.Count < minItems)
        {
            causes.Add(Invalid(path, ValueText.Render(array), string.Create(CultureInfo.InvariantCulture, $"{path} in body should have at least {minItems} items")));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateNode(array[i], items, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), causes);
            }
        }
    }

    private static void ValidateString(string text, JsonObject schema, string path, List<StatusCause> causes)
    {
        var length = text.EnumerateRunes().Count();
        if (Number(schema, "maxLength") is { } maxLength && length > maxLength)
        {
            causes.Add(new StatusCause("FieldValueTooLong", string.Create(CultureInfo.InvariantCulture, $"Too long: may not be more than {maxLength} bytes"), path));
        }

        if (Number(schema, "minLength") is { } minLength && length < minLength)
        {
            causes.Add(Invalid(path, ValueText.Render(text), string.Create(CultureInfo.InvariantCulture, $"{path} in body should be at least {minLength} chars long")));
        }

        if ((string?)schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            causes.Add(Invalid(path, ValueText.Render(text), $"{path} in body should match '{pattern}'"));
        }
    }

    private static void ValidateNumber(JsonValue number, JsonObject schema, string path, List<StatusCause> causes)
    {
        var rendered = number.ToJsonString();
        var value = Double(number);
        if (schema["maximum"] is JsonValue maximum)
        {
            var exclusive = Flag(schema, "exclusiveMaximum");
            if (exclusive ? value >= Double(maximum) : value > Double(maximum))
            {
                causes.Add(Invalid(path, rendered, $"{path} in body should be less than {(exclusive ? string.Empty : "or equal to ")}{maximum.ToJsonString()}"));
            }
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            var exclusive = Flag(schema, "exclusiveMinimum");
            if (exclusive ? value <= Double(minimum) : value < Double(minimum))
            {
                causes.Add(Invalid(path, rendered, $"{path} in body should be greater than {(exclusive ? string.Empty : "or equal to ")}{minimum.ToJsonString()}"));
            }
        }
    }

    /// <summary>The JSON type as kube-openapi names it: an integral number is "integer".</summary>
    private static string OpenApiType(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static bool TypeMatches(JsonObject schema, string actual, out string expected)
    {
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            expected = "integer,string";
            return actual is "integer" or "string";
        }

        expected = (string?)schema["type"] ?? string.Empty;
        return expected.Length == 0 || expected == actual || (expected == "number" && actual == "integer");
    }

    private static StatusCause TypeInvalid(string path, string actual, string expected) =>
        new("FieldValueTypeInvalid", $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"", path);

    private static StatusCause Invalid(string path, string renderedValue, string detail) => StatusCause.InvalidValue(path, renderedValue, detail);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static double Double(JsonValue number) => double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue(out bool flag) && flag;

    private static long? Number(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue(out long n) ? n : null;
}
