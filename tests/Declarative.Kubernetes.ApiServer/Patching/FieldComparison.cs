using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>What changed between two versions of an object, as field paths (structured-merge-diff Compare):
/// leaves whose value differs, paths only the new version has, paths only the old one has.</summary>
internal sealed record FieldComparison(ImmutableHashSet<FieldPath> Modified, ImmutableHashSet<FieldPath> Added, ImmutableHashSet<FieldPath> Removed)
{
    public ImmutableHashSet<FieldPath> Changed => Modified.Union(Added);

    public static FieldComparison Of(FlatObject before, FlatObject after, FieldTracking tracking)
    {
        var modified = after.Leaves
            .Where(pair => before.Leaves.TryGetValue(pair.Key, out var old) && !JsonNode.DeepEquals(old, pair.Value))
            .Select(pair => pair.Key);
        var beforePaths = before.Members.Concat(before.MapFields).ToHashSet();
        var afterPaths = after.Members.Concat(after.MapFields).ToHashSet();
        return new FieldComparison(
            tracking.Filter(modified),
            tracking.Filter(afterPaths.Where(path => !beforePaths.Contains(path))),
            tracking.Filter(beforePaths.Where(path => !afterPaths.Contains(path))));
    }
}
