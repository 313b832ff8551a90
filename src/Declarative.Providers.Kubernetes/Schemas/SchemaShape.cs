using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// What a schema allows at one node of a document. Built-in kinds and custom resources share this model: the
/// embedded schema file and a CRD's openAPIV3Schema are both converted into it, and one walker checks it.
/// Null is accepted everywhere: the API server treats an explicit null as absent (and prunes it in custom
/// resources before validation).
/// </summary>
internal abstract record SchemaShape(ValueRules Rules)
{
    /// <summary>"an integer", "a list of V1Container", "a map": how the expected value reads in a message.</summary>
    public abstract string Description { get; }
}

/// <summary>Any JSON: raw extensions, free-form content, schema parts this validator does not read.</summary>
internal sealed record AnyShape() : SchemaShape(ValueRules.None)
{
    public static AnyShape Instance { get; } = new();

    public override string Description => "any value";
}

/// <summary>A scalar of one of the schema file's scalar expressions.</summary>
internal sealed record ScalarShape(ScalarKind Kind, ValueRules Rules) : SchemaShape(Rules)
{
    public override string Description => Kind switch
    {
        ScalarKind.String => "a string",
        ScalarKind.Integer => "an integer",
        ScalarKind.Number => "a number",
        ScalarKind.Boolean => "a boolean (true or false)",
        ScalarKind.IntOrString => "an integer or a string",
        ScalarKind.Quantity => "a quantity (a string such as \"500m\" or \"1Gi\", or a number)",
        ScalarKind.DateTime => "a date-time string (RFC 3339)",
        ScalarKind.Bytes => "a base64 string",
        _ => Kind.ToString(),
    };
}

/// <summary>A list whose items all have one shape.</summary>
internal sealed record ListShape(Lazy<SchemaShape> Items, ValueRules Rules) : SchemaShape(Rules)
{
    public override string Description => "a list";
}

/// <summary>An object used as a map from string keys to values of one shape.</summary>
internal sealed record MapShape(Lazy<SchemaShape> Values, ValueRules Rules) : SchemaShape(Rules)
{
    public override string Description => "a map";
}

/// <summary>
/// An object with named fields. A key that is not a field is an error unless <paramref name="PreserveUnknown"/>;
/// an embedded resource also accepts apiVersion, kind and metadata.
/// </summary>
internal sealed record ObjectShape(
    string Name,
    ImmutableDictionary<string, Lazy<SchemaShape>> Fields,
    ImmutableArray<string> Required,
    bool PreserveUnknown,
    bool EmbeddedResource,
    ValueRules Rules) : SchemaShape(Rules)
{
    public override string Description => "a map of fields";

    /// <summary>The field names in ordinal order, for "did you mean" and for listing them.</summary>
    public IReadOnlyList<string> FieldNames { get; } = [.. Fields.Keys.Order(StringComparer.Ordinal)];
}
