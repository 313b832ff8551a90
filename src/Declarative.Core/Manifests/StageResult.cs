using System.Collections.Immutable;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>A stage's output plus what it found wrong. <see cref="Value"/> may be partial when there are errors.</summary>
public sealed record StageResult<T>(T Value, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
