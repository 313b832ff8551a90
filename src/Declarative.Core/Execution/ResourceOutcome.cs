using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

public enum OutcomeKind
{
    Unchanged,
    Applied,
    Deleted,

    /// <summary>Kept live and taken out of the inventory (<c>declarative.dev/prune: disabled</c>).</summary>
    Released,
    Failed,

    /// <summary>Not attempted: a dependency failed (or the run was cancelled before it).</summary>
    Skipped,
}

/// <summary>What happened to one change. <see cref="Applied"/> is set for Applied (and Unchanged carried over).</summary>
public sealed record ResourceOutcome(
    ResourceAddress Address,
    OutcomeKind Kind,
    AppliedResource? Applied,
    string? Error,
    ImmutableArray<string> Evidence);
