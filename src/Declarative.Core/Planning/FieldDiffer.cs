using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning.Diff;

namespace Declarative.Core.Planning;

/// <summary>
/// The pure field-level differ every provider's PlanAsync uses: compares two trees, matches lists by key
/// (<see cref="ListKeys"/>), reports display paths (<see cref="FieldPath"/>) and masks sensitive values.
/// docs/decisions/field-differ.md states the rules.
/// </summary>
public static class FieldDiffer
{
    /// <summary>Diffs sorted by path. Either side may be null (create, delete).</summary>
    public static ImmutableArray<FieldDiff> Diff(JsonNode? before, JsonNode? after, DiffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DiffWalker(new DiffRules(options)).Run(before, after, DiffScope.Of(options.Scope));
    }
}
