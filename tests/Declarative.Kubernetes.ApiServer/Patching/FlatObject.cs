using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>An object seen as structured-merge-diff sees it: <see cref="Members"/> is its field set (leaves,
/// atomic values, list items, empty maps), <see cref="Leaves"/> the values that comparisons look at, and
/// <see cref="MapFields"/> the map-typed fields (labels...) that an Update owns as items.</summary>
internal sealed class FlatObject
{
    public Dictionary<FieldPath, JsonNode?> Leaves { get; } = [];

    public HashSet<FieldPath> Members { get; } = [];

    public HashSet<FieldPath> MapFields { get; } = [];
}
