using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning;

/// <summary>
/// What <see cref="FieldDiffer"/> compares. <see cref="Scope"/>: only paths present in it (or in the "after"
/// object) are compared, so server-filled fields are never a change; null compares everything.
/// <see cref="SensitivePaths"/> and <see cref="IgnoredPaths"/> are display paths (prefixes);
/// <see cref="UnknownPointers"/> are JSON Pointers in "after" whose values are known only after apply.
/// </summary>
public sealed record DiffOptions(
    JsonNode? Scope = null,
    ImmutableArray<string> SensitivePaths = default,
    ImmutableArray<string> IgnoredPaths = default,
    ImmutableArray<string> UnknownPointers = default)
{
    public static DiffOptions Default { get; } = new();
}
