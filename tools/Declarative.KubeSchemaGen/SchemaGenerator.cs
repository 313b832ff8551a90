using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Providers.Kubernetes.Catalog;
using k8s.Models;

namespace Declarative.KubeSchemaGen;

/// <summary>
/// Writes the schema file: every built-in kind of <see cref="BuiltInKinds.All"/> (each of its versions) and every
/// model type reachable from them, with field names and type expressions read from the KubernetesClient models,
/// and the required fields, enums and merge keys the models do not carry from the curated tables.
/// </summary>
internal static class SchemaGenerator
{
    public const string Source = "KubernetesClient 21.0.8";

    public static string Generate()
    {
        var models = typeof(V1Pod).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<KubernetesEntityAttribute>() is not null)
            .ToLookup(t => EntityKey(t.GetCustomAttribute<KubernetesEntityAttribute>()!));

        var kinds = new List<(string Group, string Version, string Kind, Type Type)>();
        foreach (var kind in BuiltInKinds.All)
        {
            foreach (var version in kind.Versions)
            {
                var type = models[$"{kind.Group}/{version}/{kind.Kind}"].FirstOrDefault()
                    ?? throw new InvalidOperationException(
                        $"{Source} has no model for {kind.Kind} in {kind.Group}/{version}: BuiltInKinds and the package disagree.");
                kinds.Add((kind.Group, version, kind.Kind, type));
            }
        }

        var types = new SortedDictionary<string, TypeSchema>(StringComparer.Ordinal);
        var pending = new Queue<Type>(kinds.Select(k => k.Type));
        while (pending.TryDequeue(out var type))
        {
            if (!types.ContainsKey(type.Name))
            {
                types[type.Name] = Describe(type, pending.Enqueue);
            }
        }

        CuratedTables.AddMergeKeys(types);
        CuratedTables.CheckAgainst(types);
        return Write(kinds.Select(k => (k.Group, k.Version, k.Kind, k.Type.Name)), types);
    }

    private static string EntityKey(KubernetesEntityAttribute entity) => $"{entity.Group}/{entity.ApiVersion}/{entity.Kind}";

    private static TypeSchema Describe(Type type, Action<Type> onModel)
    {
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } json)
            {
                continue;
            }

            properties[json.Name] = TypeExpressions.Of(property.PropertyType, onModel);

            // The generator of the models keeps a required field of a value type non-nullable (V1ServicePort.Port).
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                required.Add(json.Name);
            }
        }

        required.UnionWith(CuratedTables.RequiredOf(type.Name));
        return new TypeSchema(properties, required, CuratedTables.EnumsOf(type.Name), new SortedDictionary<string, string>(StringComparer.Ordinal));
    }

    private static string Write(IEnumerable<(string Group, string Version, string Kind, string Type)> kinds, SortedDictionary<string, TypeSchema> types)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("generatedFrom", Source);
            writer.WriteStartArray("kinds");
            foreach (var kind in kinds)
            {
                writer.WriteStartObject();
                writer.WriteString("group", kind.Group);
                writer.WriteString("version", kind.Version);
                writer.WriteString("kind", kind.Kind);
                writer.WriteString("type", kind.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("types");
            foreach (var (name, schema) in types)
            {
                writer.WriteStartObject(name);
                WriteMap(writer, "properties", schema.Properties);
                if (schema.Required.Count > 0)
                {
                    writer.WriteStartArray("required");
                    foreach (var field in schema.Required)
                    {
                        writer.WriteStringValue(field);
                    }

                    writer.WriteEndArray();
                }

                if (schema.Enums.Count > 0)
                {
                    writer.WriteStartObject("enums");
                    foreach (var (field, values) in schema.Enums)
                    {
                        writer.WriteStartArray(field);
                        foreach (var value in values)
                        {
                            writer.WriteStringValue(value);
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                if (schema.MergeKeys.Count > 0)
                {
                    WriteMap(writer, "mergeKeys", schema.MergeKeys);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
