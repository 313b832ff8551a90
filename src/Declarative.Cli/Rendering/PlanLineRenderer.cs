using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// Turns a change's field diffs into <see cref="PlanLine"/>s for every plan format. Redaction does not trust the
/// provider alone: anything at or under a sensitive path of the change is masked here again.
/// </summary>
internal static class PlanLineRenderer
{
    /// <param name="serverDefaults">Also the fields the server would fill in on a create (<c>--verbose</c>), marked
    /// <see cref="PlanLine.ServerDefault"/> and placed among the manifests' fields in path order.</param>
    public static ImmutableArray<PlanLine> Lines(ResourceChange change, bool serverDefaults = false)
    {
        var marks = new PlanMarks(change);
        var lines = change.Change.Diffs.SelectMany(diff => Expand(diff, marks));
        if (!serverDefaults || change.Change.ServerDefaults.IsDefaultOrEmpty)
        {
            return [.. lines];
        }

        return InPathOrder(lines, ServerDefaultLines(change, marks));
    }

    /// <summary>The fields the server would fill in on a create, alone (<c>-o json --verbose</c>).</summary>
    public static ImmutableArray<PlanLine> ServerDefaultLines(ResourceChange change) => [.. ServerDefaultLines(change, new PlanMarks(change))];

    private static IEnumerable<PlanLine> ServerDefaultLines(ResourceChange change, PlanMarks marks) =>
        (change.Change.ServerDefaults.IsDefault ? [] : change.Change.ServerDefaults)
            .SelectMany(diff => Expand(diff, marks))
            .Select(line => line with { ServerDefault = true });

    /// <summary>The mark of a field the server would fill in.</summary>
    public const string ServerDefaultMark = "(server default)";

    // Both sequences are already in path order; a merge keeps each one's own order, so the manifests' lines read as
    // they do without the defaults.
    private static ImmutableArray<PlanLine> InPathOrder(IEnumerable<PlanLine> manifests, IEnumerable<PlanLine> filled)
    {
        var result = ImmutableArray.CreateBuilder<PlanLine>();
        using var left = manifests.GetEnumerator();
        using var right = filled.GetEnumerator();
        var (hasLeft, hasRight) = (left.MoveNext(), right.MoveNext());
        while (hasLeft || hasRight)
        {
            if (hasLeft && (!hasRight || string.CompareOrdinal(left.Current.Path, right.Current.Path) <= 0))
            {
                result.Add(left.Current);
                hasLeft = left.MoveNext();
            }
            else
            {
                result.Add(right.Current);
                hasRight = right.MoveNext();
            }
        }

        return result.ToImmutable();
    }

    /// <summary>"create", "update", "replace", "delete", "release", "unchanged", or the provider's own verb ("build").</summary>
    public static string Word(ResourceChange change) => change.Change.Verb ?? change.Action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Replace => "replace",
        ChangeAction.Delete => "delete",
        ChangeAction.Release => "release",
        ChangeAction.NoOp => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Action, "Unknown change action."),
    };

    /// <summary>The action symbol; a provider verb on a create or update reads as an addition ("+ build").</summary>
    public static string Symbol(ResourceChange change) =>
        change.Change.Verb is not null && change.Action is ChangeAction.Create or ChangeAction.Update ? "+" : change.Action.Symbol();

    /// <summary>"Plan: 1 to create, …, 0 to delete." with ", 1 to release" only when something is released.</summary>
    /// <summary>The mark of a change planned without the server: a create whose Namespace or CRD comes with the same
    /// plan is checked by the server at apply; an update planned so lacks the server's defaults.</summary>
    public static string? ServerMark(ResourceChange change) => !change.Change.ServerDefaultsUnknown ? null
        : change.Action == ChangeAction.Create ? "# (checked at apply: a dependency is created by this plan)"
        : "# (server defaults unknown)";

    public static string Summary(PlanSummary summary) =>
        $"Plan: {summary.Create} to create, {summary.Update} to update, {summary.Replace} to replace, {summary.Delete} to delete"
        + (summary.Release > 0 ? $", {summary.Release} to release." : ".");

    public const string NoChanges = "No changes. The environment matches the configuration.";

    private static IEnumerable<PlanLine> Expand(FieldDiff diff, PlanMarks marks)
    {
        var unknown = diff.Unknown || marks.IsUnknown(diff.Path);
        if (diff.Kind == FieldDiffKind.Changed || unknown || diff.Sensitive)
        {
            var masked = diff.Sensitive || marks.IsSensitive(diff.Path) || marks.HoldsSensitive(diff.Path);
            return [marks.Line(diff.Kind, diff.Path, diff.Before, unknown ? null : diff.After, masked, unknown)];
        }

        // An added or removed object is split per leaf, so under a sensitive path the keys stay visible.

        var value = diff.Kind == FieldDiffKind.Added ? diff.After : diff.Before;
        return Leaves(diff.Path, LastField(diff.Path), value).Select(leaf => diff.Kind == FieldDiffKind.Added
            ? marks.Line(diff.Kind, leaf.Path, null, leaf.Value, marks.IsSensitive(leaf.Path), false)
            : marks.Line(diff.Kind, leaf.Path, leaf.Value, null, marks.IsSensitive(leaf.Path), false));
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(string path, string field, JsonNode? node) => node switch
    {
        JsonObject { Count: > 0 } obj => obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => Leaves(Child(path, p.Key), p.Key, p.Value)),
        JsonArray { Count: > 0 } array when array.Any(i => i is JsonObject or JsonArray) => ItemLeaves(path, field, array),
        _ => [(path, node)],
    };

    private static IEnumerable<(string Path, JsonNode? Value)> ItemLeaves(string path, string field, JsonArray array)
    {
        var keys = ListKeys.For(field, array);
        return array.SelectMany((item, index) =>
        {
            var id = !keys.IsEmpty && item is JsonObject obj ? ListKeys.Display(obj, keys) : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Leaves($"{path}[{id}]", field, item);
        });
    }

    private static string Child(string path, string key)
    {
        var builder = new StringBuilder(path);
        FieldPath.AppendKey(builder, key);
        return builder.ToString();
    }

    // The field that holds a list decides its keys: "spec.template.spec.containers" -> "containers".
    private static string LastField(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }
}
