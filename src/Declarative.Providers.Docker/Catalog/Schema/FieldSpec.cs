namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>One field of an object: its name, the shape of its value and whether it must be present.
/// A null value counts as absent.</summary>
internal sealed record FieldSpec(string Name, Shape Shape, bool Required = false);
