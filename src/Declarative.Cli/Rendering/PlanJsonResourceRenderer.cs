using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering;

/// <summary>One entry of <c>resources</c> in the plan JSON (docs/plan-json.md). Values come only from the
/// redacted <see cref="PlanLine"/>s, never from the desired or live objects.</summary>
internal static class PlanJsonResourceRenderer
{
    public static JsonObject Of(ResourceChange change, bool serverDefaults = false)
    {
        var address = change.Address;
        var resource = new JsonObject
        {
            ["action"] = Action(change.Action),
            ["address"] = address.ToString(),
            ["dependsOn"] = Strings(change.DependsOn.IsDefault ? [] : change.DependsOn.Select(a => a.ToString())),
            ["diffs"] = new JsonArray([.. PlanLineRenderer.Lines(change).Select(Diff)]),
            ["drift"] = Strings(OrEmpty(change.Change.DriftPaths)),
            ["group"] = address.Group,
            ["kind"] = address.Kind,
            ["module"] = address.Module,
            ["name"] = address.Name,
            ["namespace"] = address.Namespace,
            ["notes"] = new JsonArray([.. OrEmpty(change.Change.Notes).Select(Note)]),
            ["provider"] = change.Provider,
            ["replaceReason"] = change.Change.ReplaceReason,
            ["serverDefaultsUnknown"] = change.Change.ServerDefaultsUnknown,
            ["takenOver"] = new JsonArray([.. OrEmpty(change.Change.TakenOver).Select(t => new JsonObject { ["manager"] = t.Manager, ["path"] = t.Path })]),
            ["unknown"] = Strings(OrEmpty(change.Change.UnknownPaths)),
            ["verb"] = change.Change.Verb,
        };
        if (serverDefaults)
        {
            // Asked for only: the key is new within version 1, and the default view keeps its bytes.
            resource["serverDefaults"] = new JsonArray([.. PlanLineRenderer.ServerDefaultLines(change).Select(Diff)]);
        }

        return resource;
    }

    public static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Replace => "replace",
        ChangeAction.Delete => "delete",
        ChangeAction.Release => "release",
        ChangeAction.NoOp => "no-op",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };

    private static JsonObject Diff(PlanLine line) => new()
    {
        ["after"] = line.After?.DeepClone(),
        ["before"] = line.Before?.DeepClone(),
        ["drift"] = line.Drift,
        ["kind"] = line.Kind switch { FieldDiffKind.Added => "added", FieldDiffKind.Removed => "removed", _ => "changed" },
        ["path"] = line.Path,
        ["sensitive"] = line.Sensitive,
        ["takenFrom"] = line.TakenFrom,
        ["unknown"] = line.Unknown,
    };

    /// <summary>A provider's note holds a path and manager names, never a value, so it needs no masking.</summary>
    private static JsonObject Note(ChangeNote note) => new() { ["path"] = note.Path, ["text"] = note.Text };

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
