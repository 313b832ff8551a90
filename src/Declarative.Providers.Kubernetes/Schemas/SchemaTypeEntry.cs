using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>One entry of "types" in the schema file: field expressions, required fields and enums.</summary>
internal sealed record SchemaTypeEntry(
    ImmutableDictionary<string, string> Properties,
    ImmutableArray<string> Required,
    ImmutableDictionary<string, ImmutableArray<string>> Enums);
