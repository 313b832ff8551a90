using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning;

/// <summary>
/// The pure field-level differ every provider's PlanAsync uses: compares two trees, matches lists by key
/// (<see cref="ListKeys"/>), reports display paths (<see cref="FieldPath"/>) and masks sensitive values.
/// </summary>
public static class FieldDiffer
{
    /// <summary>Diffs sorted by path. Either side may be null (create, delete).</summary>
    public static ImmutableArray<FieldDiff> Diff(JsonNode? before, JsonNode? after, DiffOptions options) =>
        throw new NotImplementedException();
}
