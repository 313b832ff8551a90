using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Fields the desired object sets that another field manager owns with a different value (reference 5.2): applying
/// with force takes them back, and the plan says so ("(taken from kubectl)").
/// </summary>
internal sealed class TakenFieldFinder(string fieldManager, ImmutableArray<string> ignoredPaths, ImmutableHashSet<string> skippedPointers)
{
    private readonly List<TakenField> found = [];

    /// <param name="desired">The normalized desired object.</param>
    /// <param name="live">The normalized live object, aligned to desired.</param>
    /// <param name="managedFields">The live object's metadata.managedFields.</param>
    public ImmutableArray<TakenField> Find(JsonObject desired, JsonObject live, JsonArray? managedFields)
    {
        var owners = ManagedFieldsTree.OwnersOf(managedFields, new HashSet<string>(StringComparer.Ordinal) { fieldManager });
        if (owners.Count > 0)
        {
            WalkObject(desired, live, owners, string.Empty, string.Empty);
        }

        return [.. found.DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private void WalkObject(JsonObject desired, JsonObject live, List<ManagedFieldsTree.Owner> owners, string path, string pointer)
    {
        foreach (var (key, desiredValue) in desired)
        {
            var builder = new StringBuilder(path);
            FieldPath.AppendKey(builder, key);
            Walk(desiredValue, live[key], key, ManagedFieldsTree.Narrow(owners, key), builder.ToString(), JsonPointer.Append(pointer, key));
        }
    }

    private void Walk(JsonNode? desired, JsonNode? live, string field, List<ManagedFieldsTree.Owner> owners, string path, string pointer)
    {
        if (owners.Count == 0 || live is null || skippedPointers.Contains(pointer) || ignoredPaths.Any(p => FieldPath.IsUnder(path, p)))
        {
            return;
        }

        switch (desired, live)
        {
            case (JsonObject desiredObject, JsonObject liveObject):
                WalkObject(desiredObject, liveObject, owners, path, pointer);
                break;
            case (JsonArray desiredItems, JsonArray liveItems) when ListKeys.For(field, desiredItems) is { IsEmpty: false } keys:
                WalkItems(desiredItems, liveItems, keys, owners, path, pointer);
                break;
            default:
                if (!JsonNode.DeepEquals(desired, live))
                {
                    found.Add(new TakenField(path, owners[0].Manager));
                }

                break;
        }
    }

    private void WalkItems(JsonArray desired, JsonArray live, ImmutableArray<string> keys, List<ManagedFieldsTree.Owner> owners, string path, string pointer)
    {
        for (var i = 0; i < desired.Count; i++)
        {
            var item = (JsonObject)desired[i]!;
            var identity = ListKeys.Identity(item, keys);
            var liveItem = live.OfType<JsonObject>().FirstOrDefault(l => ListKeys.Identity(l, keys) == identity);
            var itemOwners = ManagedFieldsTree.NarrowToItem(owners, identity, keys);
            if (liveItem is not null)
            {
                WalkObject(item, liveItem, itemOwners, $"{path}[{ListKeys.Display(item, keys)}]", JsonPointer.Append(pointer, i));
            }
        }
    }
}
