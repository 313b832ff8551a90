using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Fields live holds, under an object or list item the manifests set, that no manifest sets and another manager owns
/// (a container's <c>resources</c> added with <c>kubectl edit</c>): server-side apply leaves them alone, so the plan
/// says they are kept. The cluster's own controllers (a PersistentVolumeClaim's volumeName) are not reported.
/// </summary>
internal sealed class KeptFieldFinder(IReadOnlySet<string> excludedManagers, ImmutableArray<string> ignoredPaths, ImmutableHashSet<string> skippedPointers)
{
    /// <summary>Managers of the control plane itself, whose fields nobody writes into a manifest.</summary>
    public static readonly ImmutableHashSet<string> ClusterManagers = ImmutableHashSet.Create(StringComparer.Ordinal, "kube-controller-manager", "kube-scheduler", "kubelet");

    private readonly List<ChangeNote> found = [];

    /// <param name="desired">The normalized desired object.</param>
    /// <param name="live">The normalized live object, aligned to desired.</param>
    /// <param name="managedFields">The live object's metadata.managedFields.</param>
    public ImmutableArray<ChangeNote> Find(JsonObject desired, JsonObject live, JsonArray? managedFields)
    {
        var owners = ManagedFieldsTree.OwnersOf(managedFields, excludedManagers);
        if (owners.Count > 0)
        {
            WalkObject(desired, live, owners, string.Empty, string.Empty);
        }

        return [.. found.DistinctBy(n => n.Path).OrderBy(n => n.Path, StringComparer.Ordinal)];
    }

    public static ChangeNote Note(string path, string manager) => new(path, $"set by {manager}, not in the manifests: kept");

    private void WalkObject(JsonObject desired, JsonObject live, List<ManagedFieldsTree.Owner> owners, string path, string pointer)
    {
        foreach (var (key, liveValue) in live)
        {
            var childPath = Child(path, key);
            if (ignoredPaths.Any(p => FieldPath.IsUnder(childPath, p)))
            {
                continue;
            }

            var childOwners = ManagedFieldsTree.Narrow(owners, key);
            if (!desired.TryGetPropertyValue(key, out var desiredValue))
            {
                Report(childPath, childOwners);
                continue;
            }

            var childPointer = JsonPointer.Append(pointer, key);
            if (childOwners.Count == 0 || skippedPointers.Contains(childPointer))
            {
                continue;
            }

            switch (desiredValue, liveValue)
            {
                case (JsonObject desiredObject, JsonObject liveObject):
                    WalkObject(desiredObject, liveObject, childOwners, childPath, childPointer);
                    break;
                case (JsonArray desiredItems, JsonArray liveItems) when ListKeys.For(key, desiredItems) is { IsEmpty: false } keys:
                    WalkItems(desiredItems, liveItems, keys, childOwners, childPath, childPointer);
                    break;
                default:
                    break;
            }
        }
    }

    private void WalkItems(JsonArray desired, JsonArray live, ImmutableArray<string> keys, List<ManagedFieldsTree.Owner> owners, string path, string pointer)
    {
        var desiredItems = desired.OfType<JsonObject>().Select((item, index) => (Item: item, Index: index)).ToList();
        foreach (var liveItem in live.OfType<JsonObject>())
        {
            var identity = ListKeys.Identity(liveItem, keys);
            var itemPath = $"{path}[{ListKeys.Display(liveItem, keys)}]";
            var itemOwners = ManagedFieldsTree.NarrowToItem(owners, identity, keys);
            var twin = desiredItems.FirstOrDefault(d => ListKeys.Identity(d.Item, keys) == identity);
            if (twin.Item is null)
            {
                if (!ignoredPaths.Any(p => FieldPath.IsUnder(itemPath, p)))
                {
                    Report(itemPath, itemOwners);
                }
            }
            else if (itemOwners.Count > 0)
            {
                WalkObject(twin.Item, liveItem, itemOwners, itemPath, JsonPointer.Append(pointer, twin.Index));
            }
        }
    }

    private void Report(string path, List<ManagedFieldsTree.Owner> owners)
    {
        if (owners.FirstOrDefault() is { } owner)
        {
            found.Add(Note(path, owner.Manager));
        }
    }

    private static string Child(string path, string key)
    {
        var builder = new StringBuilder(path);
        FieldPath.AppendKey(builder, key);
        return builder.ToString();
    }
}
