using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// Server-side apply and managedFields (reference section 5): who owns which field, merging an apply into the
/// live object, conflicts, force, and removal of fields a manager stops applying. Stateless and thread-safe:
/// ownership lives in each object's metadata.managedFields. Inputs are never mutated.
/// </summary>
public sealed class FieldManager
{
    /// <summary>The manager a server gives the fields that existed before an object's first server-side apply.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>The object after the apply, with metadata.managedFields updated. Throws
    /// <see cref="ApplyConflictException"/> when not forced and other managers own differing fields.</summary>
    public JsonObject Apply(ApplyRequest request)
    {
        if (request.Live is not null && ManagedFieldsCodec.Read(request.Live).Count == 0)
        {
            // As apimachinery's skipNonAppliedManager: the fields of an object nobody tracked yet (created before
            // managedFields existed, or with them cleared) go to an Update entry "before-first-apply" first.
            var tracked = RecordUpdate(new UpdateRequest(request.Resource, null, request.Live, BeforeFirstApplyManager, request.Subresource, request.Now));
            request = request with { Live = tracked };
        }

        var schema = new FieldSchema(request.Resource);
        var tracking = new FieldTracking(request.Resource, request.Subresource);
        var live = WithoutManagedFields(request.Live);
        var config = tracking.ApplicableConfig(request.Applied);
        var entries = ManagedFieldsCodec.Read(request.Live);
        var key = new ManagerKey(request.Manager, ManagerEntry.ApplyOperation, null, request.Subresource);
        var previous = entries.FirstOrDefault(e => e.Key == key);
        var others = entries.Where(e => e.Key != key).ToList();
        var applied = tracking.Filter(ObjectFlattener.Flatten(schema, config).Members);

        var merged = ObjectMerger.Merge(schema, live, config);
        Prune(schema, merged, previous?.Fields ?? [], others.Select(e => e.Fields).Append(applied));
        var comparison = FieldComparison.Of(ObjectFlattener.Flatten(schema, live), ObjectFlattener.Flatten(schema, merged), tracking);
        var conflicts = others.Select(e => (Entry: e, Paths: e.Fields.Intersect(comparison.Changed))).Where(c => !c.Paths.IsEmpty).ToList();
        if (conflicts.Count > 0 && !request.Force)
        {
            throw new ApplyConflictException(Describe(conflicts));
        }

        var unchanged = request.Live is not null && JsonNode.DeepEquals(live, merged);
        var applier = new ManagerEntry(
            request.Manager,
            ManagerEntry.ApplyOperation,
            request.Resource.ApiVersion,
            unchanged && previous is not null ? previous.Time : ManagedFieldsCodec.FormatTime(request.Now),
            request.Subresource,
            applied.Except(comparison.Removed));
        var kept = others
            .Select(e => e.Without(e.Fields.Intersect(comparison.Changed)).Without(comparison.Removed))
            .Where(e => !e.Fields.IsEmpty)
            .Append(applier);
        return WithManagedFields(merged, UpdateEntryCap.Apply([.. kept]));
    }

    /// <summary>The updated object with an Update entry for <see cref="UpdateRequest.Manager"/> covering the fields it
    /// changed, taken from other managers (never a conflict).</summary>
    public JsonObject RecordUpdate(UpdateRequest request)
    {
        var schema = new FieldSchema(request.Resource);
        var tracking = new FieldTracking(request.Resource, request.Subresource);
        var live = WithoutManagedFields(request.Live);
        var updated = WithoutManagedFields(request.Updated);
        var provided = ManagedFieldsCodec.Read(request.Updated);

        // A write that carries managedFields replaces them ([{}] clears them); one without keeps the live ones.
        var entries = provided.Count > 0 && request.Subresource is null ? provided : ManagedFieldsCodec.Read(request.Live);
        var comparison = FieldComparison.Of(ObjectFlattener.Flatten(schema, live), ObjectFlattener.Flatten(schema, updated), tracking);
        var changed = comparison.Changed;
        var key = new ManagerKey(request.Manager, ManagerEntry.UpdateOperation, request.Resource.ApiVersion, request.Subresource);
        var previous = entries.FirstOrDefault(e => e.Key == key);
        var kept = entries
            .Where(e => e.Key != key)
            .Select(e => e.Without(changed).Without(comparison.Removed))
            .Where(e => !e.Fields.IsEmpty)
            .ToList();
        var mine = (previous?.Fields ?? []).Except(comparison.Removed).Union(changed);
        if (!mine.IsEmpty)
        {
            var time = changed.IsEmpty && previous is not null ? previous.Time : ManagedFieldsCodec.FormatTime(request.Now);
            kept.Add(new ManagerEntry(request.Manager, ManagerEntry.UpdateOperation, request.Resource.ApiVersion, time, request.Subresource, mine));
        }

        return WithManagedFields(updated, UpdateEntryCap.Apply(kept));
    }

    /// <summary>Fields the manager applied last time and no manager owns now are removed, unless someone owns
    /// something below them (then only what nobody owns goes).</summary>
    private static void Prune(FieldSchema schema, JsonObject merged, ImmutableHashSet<FieldPath> lastApplied, IEnumerable<ImmutableHashSet<FieldPath>> owners)
    {
        var owned = owners.SelectMany(set => set).ToHashSet();
        bool IsOwned(FieldPath path) => owned.Contains(path) || owned.Any(path.IsPrefixOf);
        foreach (var path in lastApplied.Where(p => !IsOwned(p)).OrderBy(p => p.Length))
        {
            FieldRemover.Remove(schema, merged, path, IsOwned);
        }
    }

    private static List<FieldConflict> Describe(IEnumerable<(ManagerEntry Entry, ImmutableHashSet<FieldPath> Paths)> conflicts) =>
        [.. conflicts
            .SelectMany(c => c.Paths.Select(path => new FieldConflict(c.Entry.Manager, path.ToString(), c.Entry.IsApply ? null : c.Entry.ApiVersion, c.Entry.Subresource)))
            .OrderBy(c => c.Manager, StringComparer.Ordinal)
            .ThenBy(c => c.Field, StringComparer.Ordinal)];

    private static JsonObject WithoutManagedFields(JsonObject? source)
    {
        var copy = source is null ? [] : (JsonObject)source.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static JsonObject WithManagedFields(JsonObject target, IReadOnlyList<ManagerEntry> entries)
    {
        if (entries.Count == 0)
        {
            return target;
        }

        if (target["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            target["metadata"] = metadata;
        }

        metadata["managedFields"] = ManagedFieldsCodec.Write(entries);
        return target;
    }
}
