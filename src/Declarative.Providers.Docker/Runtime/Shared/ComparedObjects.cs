using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Desired, live and last applied of one Docker resource, each already in the form its kind compares, and the
/// diff options they share (DESIGN "Plan": only the paths of last applied and desired are compared).
/// </summary>
internal sealed class ComparedObjects(DesiredResource resource, JsonObject desired, JsonObject? live, JsonObject? lastApplied, LiveResource? liveResource)
{
    public DesiredResource Resource => resource;

    public JsonObject Desired => desired;

    public JsonObject? Live => live;

    public JsonObject? LastApplied => lastApplied;

    public DiffOptions Options { get; } = new(
        Scope: lastApplied ?? new JsonObject(),
        SensitivePaths: resource.SensitivePaths,
        IgnoredPaths: resource.IgnoredPaths,
        UnknownPointers: [.. resource.Unknowns.Select(u => u.Path)]);

    /// <summary>Live to desired; a missing object compares as empty, so every desired field is added.</summary>
    public ImmutableArray<FieldDiff> Diffs() => FieldDiffer.Diff(live, desired, Options);

    /// <summary>Where live differs from last applied, on the paths of last applied.</summary>
    public ImmutableArray<string> DriftPaths() =>
        lastApplied is null || live is null
            ? []
            : [.. FieldDiffer.Diff(live, lastApplied, Options with { UnknownPointers = [] }).Select(d => d.Path).Distinct().Order(StringComparer.Ordinal)];

    public PlannedChange Change(ChangeAction action, ImmutableArray<FieldDiff> diffs, ImmutableArray<string> drift, string? replaceReason = null) => new(
        resource.Address,
        action,
        action == ChangeAction.NoOp ? [] : diffs,
        drift,
        replaceReason,
        [],
        [.. resource.Unknowns.Select(u => FieldPath.FromPointer(resource.Object, u.Path)).Distinct().Order(StringComparer.Ordinal)],
        resource,
        liveResource);
}
