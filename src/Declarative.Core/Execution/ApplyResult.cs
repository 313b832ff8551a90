using System.Collections.Immutable;

namespace Declarative.Core.Execution;

/// <summary>One outcome per change of the plan (the executor checks it missed none).</summary>
public sealed record ApplyResult(ImmutableArray<ResourceOutcome> Outcomes)
{
    public bool Succeeded => Outcomes.All(o => o.Kind is OutcomeKind.Applied or OutcomeKind.Deleted or OutcomeKind.Released or OutcomeKind.Unchanged);
}
