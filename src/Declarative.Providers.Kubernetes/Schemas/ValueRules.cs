using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// The value constraints of one node: the enums of the schema file, and those of a CRD's openAPIV3Schema.
/// Enum values are kept as their JSON text so strings, numbers and booleans compare alike.
/// </summary>
internal sealed record ValueRules(
    ImmutableArray<string> Enum,
    Regex? Pattern,
    double? Minimum,
    bool ExclusiveMinimum,
    double? Maximum,
    bool ExclusiveMaximum,
    long? MinLength,
    long? MaxLength,
    long? MinItems,
    long? MaxItems,
    string? Format)
{
    public static ValueRules None { get; } = new([], null, null, false, null, false, null, null, null, null, null);

    public bool IsEmpty =>
        Enum.IsDefaultOrEmpty && Pattern is null && Minimum is null && Maximum is null && MinLength is null && MaxLength is null
        && MinItems is null && MaxItems is null && Format is null;

    public static ValueRules OfEnum(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? None : None with { Enum = values };
}
