using System.Collections.Immutable;
using Declarative.Core.Planning;

namespace Declarative.Core.Providers;

/// <summary>
/// A provider's verdict for one resource. <see cref="Verb"/> is an optional provider word for the action
/// ("build", "push") that renderers show instead of the generic one. <see cref="DriftPaths"/> are paths where live
/// differs from the last applied object; <see cref="UnknownPaths"/> are paths known only after apply.
/// <see cref="ServerDefaultsUnknown"/> is set when the object was planned without a server dry-run because a
/// dependency (Namespace, CRD) is itself being created. <see cref="KnownOutputs"/> are outputs the provider already
/// knows at plan time (an Image whose tag is already in the registry: its pinned reference); dependents of an
/// unchanged resource resolve their references from them before the base revision's outputs. <see cref="Notes"/> say
/// what the diff cannot (a field kept because another manager owns it); default means none. <see cref="Cascade"/> is set
/// on a delete that would take objects the environment does not own with it (a Namespace's contents).
/// <see cref="ServerDefaults"/> are, for a create the server checked with a dry-run, the fields it would fill in that
/// the desired object does not set (a Deployment's <c>spec.strategy</c>, a container's <c>imagePullPolicy</c>), as
/// added diffs, server bookkeeping left out; shown only on request (<c>--verbose</c>); default means none.
/// </summary>
public sealed record PlannedChange(
    ResourceAddress Address,
    ChangeAction Action,
    ImmutableArray<FieldDiff> Diffs,
    ImmutableArray<string> DriftPaths,
    string? ReplaceReason,
    ImmutableArray<TakenField> TakenOver,
    ImmutableArray<string> UnknownPaths,
    DesiredResource? Desired,
    LiveResource? Live,
    string? Verb = null,
    bool ServerDefaultsUnknown = false,
    ResourceOutputs? KnownOutputs = null,
    ImmutableArray<ChangeNote> Notes = default,
    DeleteCascade? Cascade = null,
    ImmutableArray<FieldDiff> ServerDefaults = default);
