using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>
/// The fields and types of the built-in kinds, read from the embedded kubernetes-schema.json (the format is
/// in the repository's SCHEMA-FORMAT notes: a type expression per property). Immutable once loaded; a kind the
/// file does not list is not checked at all, as if every field were known.
/// </summary>
public sealed class BuiltInSchema
{
    private const string ResourceName = "kubernetes-schema.json";

    private readonly FrozenDictionary<string, string> _kinds;
    private readonly FrozenDictionary<string, SchemaType> _types;

    private BuiltInSchema(FrozenDictionary<string, string> kinds, FrozenDictionary<string, SchemaType> types)
    {
        _kinds = kinds;
        _types = types;
    }

    public static BuiltInSchema Load()
    {
        using var stream = typeof(BuiltInSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the API double; check the EmbeddedResource item of its project.");
        var root = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException($"{ResourceName} is not a JSON object.");
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (root["kinds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            kinds[Key((string?)entry["group"] ?? string.Empty, (string?)entry["version"] ?? string.Empty, (string?)entry["kind"] ?? string.Empty)] = (string?)entry["type"] ?? string.Empty;
        }

        var types = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
        foreach (var (name, value) in root["types"] as JsonObject ?? [])
        {
            if (value is JsonObject type)
            {
                types[name] = SchemaType.Read(name, type);
            }
        }

        return new BuiltInSchema(kinds.ToFrozenDictionary(StringComparer.Ordinal), types.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The top type of a kind, or null when the file does not describe the kind.</summary>
    public SchemaType? ForKind(string group, string version, string kind) =>
        _kinds.TryGetValue(Key(group, version, kind), out var type) ? Type(type) : null;

    public SchemaType? Type(string name) => _types.GetValueOrDefault(name);

    private static string Key(string group, string version, string kind) => $"{group}/{version}/{kind}";
}

/// <summary>One object type of the schema file: property name to type expression, required fields, enums, and
/// the merge keys of its lists (server-side apply names list items by them).</summary>
public sealed record SchemaType(
    string Name,
    FrozenDictionary<string, string> Properties,
    FrozenSet<string> Required,
    FrozenDictionary<string, string[]> Enums,
    FrozenDictionary<string, string> MergeKeys)
{
    public static SchemaType Read(string name, JsonObject type)
    {
        var properties = (type["properties"] as JsonObject ?? [])
            .ToFrozenDictionary(p => p.Key, p => (string?)p.Value ?? "raw", StringComparer.Ordinal);
        var required = (type["required"] as JsonArray ?? []).Select(r => (string?)r ?? string.Empty).ToFrozenSet(StringComparer.Ordinal);
        var enums = (type["enums"] as JsonObject ?? [])
            .ToFrozenDictionary(p => p.Key, p => (p.Value as JsonArray ?? []).Select(v => (string?)v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        var mergeKeys = (type["mergeKeys"] as JsonObject ?? [])
            .ToFrozenDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal);
        return new SchemaType(name, properties, required, enums, mergeKeys);
    }

    /// <summary>The Go type name as Go's decoder prints it: V1DeploymentSpec is v1.DeploymentSpec.</summary>
    public string GoType => GoNames.Qualified(Name);

    /// <summary>The struct name inside "Go struct field X.path" (the type without its package).</summary>
    public string GoStruct => GoNames.Unqualified(Name);
}
