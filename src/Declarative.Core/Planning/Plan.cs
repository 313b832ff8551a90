using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.State;

namespace Declarative.Core.Planning;

/// <summary>
/// What apply would do, as plain data: every desired resource's change (no-ops included) and the prunes, in
/// dependency order (prunes last, reverse order), the edges of the desired graph, the base revision the plan was
/// made from and the target. Renderers and the saved plan file read it; the executor carries it out.
/// </summary>
public sealed record Plan(
    string Project,
    string Environment,
    int? BaseRevision,
    TargetIdentity Target,
    ImmutableArray<ResourceChange> Changes,
    ImmutableArray<Edge> Edges)
{
    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.NoOp);

    public PlanSummary Summary => new(
        Changes.Count(c => c.Action == ChangeAction.Create),
        Changes.Count(c => c.Action == ChangeAction.Update),
        Changes.Count(c => c.Action == ChangeAction.Replace),
        Changes.Count(c => c.Action == ChangeAction.Delete),
        Changes.Count(c => c.Action == ChangeAction.NoOp),
        Changes.Count(c => c.Action == ChangeAction.Release));
}

public sealed record PlanSummary(int Create, int Update, int Replace, int Delete, int NoOp, int Release = 0);
