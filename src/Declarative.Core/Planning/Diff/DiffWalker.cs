using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Diff;

/// <summary>
/// Walks two trees once and collects the differences at the deepest place they differ. One walker serves one
/// diff; it is not shared.
/// </summary>
internal sealed partial class DiffWalker(DiffRules rules)
{
    private readonly List<FieldDiff> diffs = [];

    public ImmutableArray<FieldDiff> Run(JsonNode? before, JsonNode? after, DiffScope scope)
    {
        var root = DiffCursor.Root(scope);
        var (beforeSlot, afterSlot) = (Slot.Root(before), Slot.Root(after));

        // The root is never one diff: a created or deleted object reads better field by field.
        if (before is null or JsonObject && after is null or JsonObject)
        {
            CompareObjects(before as JsonObject, after as JsonObject, root);
        }
        else
        {
            Compare(beforeSlot, afterSlot, root);
        }

        return [.. diffs.OrderBy(diff => diff.Path, StringComparer.Ordinal)];
    }

    private void Compare(Slot before, Slot after, DiffCursor at)
    {
        if (rules.IsIgnored(at.Path) || (!before.Exists && !after.Exists))
        {
            return;
        }

        if (after.Exists && rules.IsUnknown(at.Pointer))
        {
            Emit(before.Exists ? FieldDiffKind.Changed : FieldDiffKind.Added, before.Node, null, at, unknown: true);
        }
        else if (before.Exists && after.Exists)
        {
            CompareBoth(before.Node, after.Node, at);
        }
        else if (after.Exists)
        {
            AddOrDescend(after.Node, at);
        }
        else
        {
            RemoveOrDescend(before.Node, at);
        }
    }

    private void CompareBoth(JsonNode? before, JsonNode? after, DiffCursor at)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                CompareObjects(b, a, at);
                break;
            case (JsonArray b, JsonArray a):
                CompareLists(b, a, at);
                break;
            default:
                if (!JsonEquality.Equal(before, after))
                {
                    // A type change (object to string) is one change; an unknown inside the new value makes it unknown.
                    var unknownInside = rules.HasUnknownInside(at.Pointer);
                    Emit(FieldDiffKind.Changed, before, unknownInside ? null : after, at, unknown: unknownInside);
                }

                break;
        }
    }

    private void CompareObjects(JsonObject? before, JsonObject? after, DiffCursor at)
    {
        foreach (var (key, value) in after ?? [])
        {
            Compare(Slot.Key(before, key), Slot.Of(value), at.Key(key));
        }

        foreach (var (key, value) in before ?? [])
        {
            if ((after is null || !after.ContainsKey(key)) && at.Scope.IncludesKey(key))
            {
                Compare(Slot.Of(value), Slot.Absent, at.Key(key));
            }
        }
    }

    private void AddOrDescend(JsonNode? added, DiffCursor at)
    {
        if (ShouldDescend(added, at, desiredSide: true))
        {
            CompareContainers(null, added, at);
        }
        else
        {
            Emit(FieldDiffKind.Added, null, added, at);
        }
    }

    private void RemoveOrDescend(JsonNode? removed, DiffCursor at)
    {
        // Everything below a removed field goes with it, whatever the scope held.
        var whole = at.WithScope(DiffScope.Everything);
        if (ShouldDescend(removed, whole, desiredSide: false))
        {
            CompareContainers(removed, null, whole);
        }
        else
        {
            Emit(FieldDiffKind.Removed, removed, null, whole);
        }
    }

    private bool ShouldDescend(JsonNode? node, DiffCursor at, bool desiredSide) =>
        node is JsonObject or JsonArray
        && (rules.NeedsDescent(at, desiredSide) || (node is JsonObject && rules.IsSensitive(at.Path)));

    private void CompareContainers(JsonNode? before, JsonNode? after, DiffCursor at)
    {
        if (before is JsonArray || after is JsonArray)
        {
            CompareLists(before as JsonArray, after as JsonArray, at);
        }
        else
        {
            CompareObjects(before as JsonObject, after as JsonObject, at);
        }
    }

    private void Emit(FieldDiffKind kind, JsonNode? before, JsonNode? after, DiffCursor at, bool unknown = false)
    {
        // A masked diff carries no value at all, so nothing downstream can print one by mistake.
        var masked = rules.IsSensitive(at.Path) || rules.HasSensitiveInside(at.Path);
        diffs.Add(masked
            ? new FieldDiff(at.Path, kind, null, null, Sensitive: true, Unknown: unknown)
            : new FieldDiff(at.Path, kind, before?.DeepClone(), after?.DeepClone(), Unknown: unknown));
    }
}
