using System.Collections.Immutable;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Planning.Engine;

/// <summary>The plan found resources the target system would refuse: one located diagnostic each.</summary>
public sealed class PlanRefusedException(ImmutableArray<Diagnostic> refusals)
    : Exception($"The target would refuse {refusals.Length} resource(s) as written.")
{
    public ImmutableArray<Diagnostic> Refusals { get; } = refusals;
}
