namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>At most 10 Update entries: the oldest are merged into one <c>ancient-changes</c> entry per API version
/// (apimachinery capmanagers.go).</summary>
internal static class UpdateEntryCap
{
    public const int MaxUpdateEntries = 10;
    public const string AncientChanges = "ancient-changes";

    public static IReadOnlyList<ManagerEntry> Apply(IReadOnlyList<ManagerEntry> entries)
    {
        var updates = entries.Where(e => !e.IsApply).ToList();
        if (updates.Count <= MaxUpdateEntries)
        {
            return entries;
        }

        var result = entries.ToDictionary(e => e.Key);
        var firstByVersion = new Dictionary<string, ManagerKey>(StringComparer.Ordinal);
        var oldestFirst = updates.OrderBy(e => ManagedFieldsCodec.Seconds(e.Time)).ThenBy(e => e.Manager, StringComparer.Ordinal).ToList();
        var count = updates.Count;
        for (var i = 0; i < oldestFirst.Count && count > MaxUpdateEntries; i++)
        {
            var entry = oldestFirst[i];
            var version = entry.ApiVersion ?? "";
            if (!firstByVersion.TryGetValue(version, out var first))
            {
                firstByVersion[version] = entry.Key;
                continue;
            }

            var bucketKey = new ManagerKey(AncientChanges, ManagerEntry.UpdateOperation, entry.ApiVersion, null);
            if (!result.TryGetValue(bucketKey, out var bucket))
            {
                bucket = result[first] with { Manager = AncientChanges, Subresource = null };
                result.Remove(first);
            }

            result[bucketKey] = bucket with { Fields = bucket.Fields.Union(entry.Fields), Time = entry.Time };
            result.Remove(entry.Key);
            count--;
        }

        return [.. result.Values];
    }
}
