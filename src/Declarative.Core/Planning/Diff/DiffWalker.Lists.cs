using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Diff;

/// <summary>Lists: keyed lists match items by identity, lists of scalars change as a whole, other lists by index.</summary>
internal sealed partial class DiffWalker
{
    private void CompareLists(JsonArray? before, JsonArray? after, DiffCursor at)
    {
        var keys = KeysFor(at.Field, before, after);
        if (!keys.IsEmpty)
        {
            CompareKeyed(before ?? [], after ?? [], keys, at);
        }
        else if (before is not null && after is not null && IsScalarList(before) && IsScalarList(after)
            && !rules.NeedsDescent(at, desiredSide: true))
        {
            if (!JsonEquality.Equal(before, after))
            {
                Emit(FieldDiffKind.Changed, before, after, at);
            }
        }
        else
        {
            CompareByIndex(before ?? [], after ?? [], at);
        }
    }

    /// <summary>The keys both lists agree on; none (match by position) when they disagree or a key repeats.</summary>
    private static ImmutableArray<string> KeysFor(string field, JsonArray? before, JsonArray? after)
    {
        var beforeKeys = before is { Count: > 0 } ? ListKeys.For(field, before) : (ImmutableArray<string>?)null;
        var afterKeys = after is { Count: > 0 } ? ListKeys.For(field, after) : (ImmutableArray<string>?)null;
        var keys = (beforeKeys, afterKeys) switch
        {
            (null, null) => [],
            ({ } only, null) => only,
            (null, { } only) => only,
            ({ } b, { } a) => b.SequenceEqual(a, StringComparer.Ordinal) ? a : [],
        };

        return keys.IsEmpty || HasDuplicates(before, keys) || HasDuplicates(after, keys) ? [] : keys;
    }

    private void CompareKeyed(JsonArray before, JsonArray after, ImmutableArray<string> keys, DiffCursor at)
    {
        var beforeById = ById(before, keys);
        var scopeById = at.Scope.All ? null : ById(at.Scope.Node as JsonArray ?? [], keys);
        var afterIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < after.Count; i++)
        {
            var item = (JsonObject)after[i]!;
            var id = ListKeys.Identity(item, keys);
            afterIds.Add(id);
            var beforeItem = beforeById.TryGetValue(id, out var match) ? Slot.Of(match.Item) : Slot.Absent;
            Compare(beforeItem, Slot.Of(item), at.KeyedItem(i, ListKeys.Display(item, keys), ScopeFor(id, scopeById)));
        }

        foreach (var (id, (index, item)) in beforeById)
        {
            if (!afterIds.Contains(id) && (scopeById is null || scopeById.ContainsKey(id)))
            {
                Compare(Slot.Of(item), Slot.Absent, at.KeyedItem(index, ListKeys.Display(item, keys), DiffScope.Everything));
            }
        }
    }

    private void CompareByIndex(JsonArray before, JsonArray after, DiffCursor at)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            if (i < after.Count || at.Scope.IncludesIndex(i))
            {
                Compare(Slot.Item(before, i), Slot.Item(after, i), at.Index(i));
            }
        }
    }

    private static DiffScope ScopeFor(string id, Dictionary<string, (int Index, JsonObject Item)>? scopeById) =>
        scopeById is null ? DiffScope.Everything
        : scopeById.TryGetValue(id, out var scoped) ? new DiffScope(false, scoped.Item)
        : new DiffScope(false, null);

    private static Dictionary<string, (int Index, JsonObject Item)> ById(JsonArray items, ImmutableArray<string> keys)
    {
        var byId = new Dictionary<string, (int Index, JsonObject Item)>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                byId.TryAdd(ListKeys.Identity(item, keys), (i, item));
            }
        }

        return byId;
    }

    private static bool HasDuplicates(JsonArray? items, ImmutableArray<string> keys) =>
        items is not null && items.OfType<JsonObject>().Select(item => ListKeys.Identity(item, keys)).Distinct(StringComparer.Ordinal).Count() != items.Count;

    private static bool IsScalarList(JsonArray items) => items.All(item => item is not (JsonObject or JsonArray));
}
