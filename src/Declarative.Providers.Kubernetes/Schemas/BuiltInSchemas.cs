using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// Turns the schema file's type expressions into shapes, each model type once and only when a document reaches
/// it (most documents touch a few dozen of the file's types). One instance per catalog: the cache is its own.
/// </summary>
internal sealed class BuiltInSchemas(KubeSchemaFile file)
{
    private readonly ConcurrentDictionary<string, ObjectShape> _objects = new(StringComparer.Ordinal);

    public KubeSchemaFile File { get; } = file;

    /// <summary>The shape of the model type <paramref name="typeName"/>.</summary>
    public ObjectShape Object(string typeName) => _objects.GetOrAdd(typeName, Build);

    /// <summary>The shape of a type expression (<c>string</c>, <c>[V1Container</c>, <c>{quantity</c>, a type name);
    /// <paramref name="values"/> are the enum of the field, applied to each item of a list.</summary>
    public SchemaShape Resolve(string expression, ImmutableArray<string> values)
    {
        var rules = ValueRules.OfEnum(values);
        return expression switch
        {
            "string" => new ScalarShape(ScalarKind.String, rules),
            "integer" => new ScalarShape(ScalarKind.Integer, rules),
            "number" => new ScalarShape(ScalarKind.Number, rules),
            "boolean" => new ScalarShape(ScalarKind.Boolean, rules),
            "int-or-string" => new ScalarShape(ScalarKind.IntOrString, rules),
            "quantity" => new ScalarShape(ScalarKind.Quantity, rules),
            "date-time" => new ScalarShape(ScalarKind.DateTime, rules),
            "byte" => new ScalarShape(ScalarKind.Bytes, rules),
            "raw" => AnyShape.Instance,
            ['[', .. var item] => new ListShape(new Lazy<SchemaShape>(() => Resolve(item, values)), ValueRules.None),
            ['{', .. var value] => new MapShape(new Lazy<SchemaShape>(() => Resolve(value, values)), ValueRules.None),
            _ => Object(expression),
        };
    }

    private ObjectShape Build(string typeName)
    {
        if (!File.Types.TryGetValue(typeName, out var entry))
        {
            throw new InvalidOperationException($"The Kubernetes schema file names the type {typeName} but does not describe it: regenerate it (docs/kubernetes-schemas.md).");
        }

        var fields = entry.Properties.ToImmutableDictionary(
            p => p.Key,
            p => new Lazy<SchemaShape>(() => Resolve(p.Value, entry.Enums.GetValueOrDefault(p.Key))),
            StringComparer.Ordinal);
        return new ObjectShape(typeName, fields, entry.Required, PreserveUnknown: false, EmbeddedResource: false, ValueRules.None);
    }
}
