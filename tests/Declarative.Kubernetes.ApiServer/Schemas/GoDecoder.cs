using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>What decoding a body into the kind's Go type found: the fields the type does not declare (as the
/// strict decoder of sigs.k8s.io/json names them, "spec.template.spec.containers[0].imagez"), and the first
/// type error worded as Go's encoding/json words it.</summary>
public sealed record DecodeReport(IReadOnlyList<string> UnknownFields, string? TypeError);

/// <summary>
/// Decodes a JSON object the way kube-apiserver's JSON serializer does for a built-in kind (sigs.k8s.io/json
/// UnmarshalStrict into the Go struct): unknown fields are dropped from the object (they are never stored)
/// and reported; a value of the wrong JSON type is a type error ("json: cannot unmarshal number into Go struct
/// field ConfigMap.data of type string"), the first one wins as in Go's decodeState.saveError.
/// </summary>
public sealed partial class GoDecoder(BuiltInSchema schema)
{
    public DecodeReport Decode(JsonObject body, SchemaType type)
    {
        var walk = new Walk(schema);
        walk.Object(body, type, string.Empty, []);
        return new DecodeReport(walk.Unknown, walk.TypeError);
    }

    private sealed class Walk(BuiltInSchema schema)
    {
        public List<string> Unknown { get; } = [];

        public string? TypeError { get; private set; }

        // goFields: the struct field names only (Go's errorContext.FieldStack); path: what strict errors print.
        public void Object(JsonObject obj, SchemaType type, string path, List<string> goFields)
        {
            foreach (var (name, value) in obj.ToList())
            {
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                if (!type.Properties.TryGetValue(name, out var expression))
                {
                    Unknown.Add(childPath);
                    obj.Remove(name);
                    continue;
                }

                goFields.Add(name);
                Value(value, expression, childPath, goFields, type);
                goFields.RemoveAt(goFields.Count - 1);
            }
        }

        private void Value(JsonNode? value, string expression, string path, List<string> goFields, SchemaType owner)
        {
            if (value is null || expression == "raw")
            {
                return;
            }

            var kind = value.GetValueKind();
            switch (expression)
            {
                case "string" or "date-time":
                    Expect(kind == JsonValueKind.String, value, "string", goFields, owner);
                    return;
                case "boolean":
                    Expect(kind is JsonValueKind.True or JsonValueKind.False, value, "bool", goFields, owner);
                    return;
                case "number":
                    Expect(kind == JsonValueKind.Number, value, "float64", goFields, owner);
                    return;
                case "integer":
                    if (kind == JsonValueKind.Number && !IsInteger(value))
                    {
                        Fail($"json: cannot unmarshal number {value.ToJsonString()} into Go struct field {owner.GoStruct}.{string.Join('.', goFields)} of type int32");
                        return;
                    }

                    Expect(kind == JsonValueKind.Number, value, "int32", goFields, owner);
                    return;
                case "byte":
                    if (kind == JsonValueKind.String)
                    {
                        var position = GoBase64.FirstError(value.GetValue<string>());
                        if (position is not null)
                        {
                            Fail(string.Create(CultureInfo.InvariantCulture, $"illegal base64 data at input byte {position}"));
                        }

                        return;
                    }

                    Expect(false, value, "[]uint8", goFields, owner);
                    return;
                case "int-or-string":
                    if (kind is not (JsonValueKind.String or JsonValueKind.Number) || (kind == JsonValueKind.Number && !IsInteger(value)))
                    {
                        // IntOrString.UnmarshalJSON decodes anything unquoted into its int32.
                        Fail($"json: cannot unmarshal {GoValue(value, forInteger: true)} into Go value of type int32");
                    }

                    return;
                case "quantity":
                    if (!(kind == JsonValueKind.Number || (kind == JsonValueKind.String && QuantityPattern().IsMatch(value.GetValue<string>().Trim()))))
                    {
                        Fail("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
                    }

                    return;
            }

            if (expression.StartsWith('['))
            {
                if (value is not JsonArray array)
                {
                    Expect(false, value, GoNames.OfExpression(expression), goFields, owner);
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Value(array[i], expression[1..], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), goFields, owner);
                }

                return;
            }

            if (expression.StartsWith('{'))
            {
                if (value is not JsonObject map)
                {
                    Expect(false, value, GoNames.OfExpression(expression), goFields, owner);
                    return;
                }

                foreach (var (key, item) in map.ToList())
                {
                    Value(item, expression[1..], $"{path}.{key}", goFields, owner);
                }

                return;
            }

            var type = schema.Type(expression);
            if (type is null)
            {
                return;
            }

            if (value is not JsonObject child)
            {
                Expect(false, value, type.GoType, goFields, owner);
                return;
            }

            Object(child, type, path, goFields);
        }

        private void Expect(bool ok, JsonNode value, string goType, List<string> goFields, SchemaType owner)
        {
            if (!ok)
            {
                Fail($"json: cannot unmarshal {GoValue(value, forInteger: false)} into Go struct field {owner.GoStruct}.{string.Join('.', goFields)} of type {goType}");
            }
        }

        private void Fail(string message) => TypeError ??= message;
    }

    /// <summary>encoding/json's UnmarshalTypeError.Value: the JSON kind, "number 1.5" where an integer was wanted.</summary>
    private static string GoValue(JsonNode value, bool forInteger) => value.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => forInteger && !IsInteger(value) ? $"number {value.ToJsonString()}" : "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static bool IsInteger(JsonNode value) =>
        long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex QuantityPattern();
}
