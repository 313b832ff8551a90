using System.Collections.Immutable;
using Declarative.Core.Graph;

namespace Declarative.Core.State;

/// <summary>
/// One numbered entry of an environment's history (DESIGN "Ownership, state and history"): the full inventory of
/// owned objects and the edges between them (so prunes and destroys can be ordered without the manifests).
/// </summary>
public sealed record Revision(
    int Number,
    RevisionOperation Operation,
    int? RollbackOf,
    RevisionStatus Status,
    string User,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? GitCommit,
    string DeclarativeVersion,
    TargetIdentity Target,
    ImmutableArray<InventoryEntry> Inventory,
    ImmutableArray<Edge> Edges,
    RevisionSummary Summary,
    string? CommandLine,
    string? Error = null);

/// <summary>What a revision changed, for `decl history`.</summary>
public sealed record RevisionSummary(int Created, int Updated, int Replaced, int Deleted, int Unchanged)
{
    public static RevisionSummary Empty { get; } = new(0, 0, 0, 0, 0);
}
