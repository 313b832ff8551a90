using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>A dependency some source asks for, before its target is looked up; <see cref="Location"/> is the
/// field that asks, for errors.</summary>
internal sealed record DependencyCandidate(
    Resource From,
    ReferenceTarget Target,
    string Reason,
    DependencyKind Kind,
    SourceLocation Location);
