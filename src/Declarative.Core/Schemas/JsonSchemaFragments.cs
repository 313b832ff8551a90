using System.Text.Json.Nodes;

namespace Declarative.Core.Schemas;

/// <summary>
/// Pieces of JSON Schema (draft 2020-12) that every generated schema needs in the same form: the validators count a
/// null field as absent, and an editor must agree with them.
/// </summary>
public static class JsonSchemaFragments
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Also accepts null, because the validators read a field whose value is null as an absent field
    /// (<c>ports:</c> with nothing after it).</summary>
    public static JsonObject AllowNull(JsonObject schema)
    {
        if (schema.ContainsKey("const") || !schema.ContainsKey("type"))
        {
            return schema.Any(p => p.Key is not ("description" or "title"))
                ? new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) }
                : schema;
        }

        var types = schema["type"] is JsonArray many ? [.. many.Select(t => t!.GetValue<string>())] : new List<string> { schema["type"]!.GetValue<string>() };
        if (!types.Contains("null"))
        {
            types.Add("null");
        }

        schema["type"] = new JsonArray([.. types.Select(t => (JsonNode)t)]);
        if (schema["enum"] is JsonArray values && values.All(v => v is not null))
        {
            values.Add(null);
        }

        return schema;
    }

    /// <summary>"The field is there and not null": presence as the validators see it.</summary>
    public static JsonObject Present(string field) => new()
    {
        ["required"] = new JsonArray(field),
        ["properties"] = new JsonObject { [field] = new JsonObject { ["not"] = new JsonObject { ["type"] = "null" } } },
    };

    /// <summary>A pattern that accepts the whole text when it matches <paramref name="body"/> (anchored), and any
    /// text with a template expression: a templated file is checked by the validators after rendering, and an
    /// editor sees it before.</summary>
    public static string WholeOrTemplated(string body) => $"^(?:{body})$|\\{{\\{{";

    /// <summary>Writes a schema the way docs/schemas holds it: indented, readable characters, a final newline.</summary>
    public static string Write(JsonObject schema) =>
        schema.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
}
