using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>Turns dependency candidates into edges: a found target is an edge, a missing implicit one is ignored,
/// and a missing required or explicit one is an error (another one when the target is excluded from this
/// environment).</summary>
internal sealed class DependencyLinker(ResourceIndex index, DiagnosticBag diagnostics)
{
    public List<Edge> Edges { get; } = [];

    public List<IgnoredDependency> Ignored { get; } = [];

    public void Link(DependencyCandidate candidate)
    {
        var targets = index.Find(candidate.Target, candidate.From);
        if (targets.Count > 0)
        {
            Edges.AddRange(targets.Select(t => new Edge(candidate.From.Address, t.Address, candidate.Reason, candidate.Kind)));
        }
        else if (candidate.Kind == DependencyKind.Implicit)
        {
            Ignored.Add(new IgnoredDependency(candidate.From.Address, candidate.Target, candidate.Reason));
        }
        else if (index.FindExcluded(candidate.Target, candidate.From) is { } excluded)
        {
            diagnostics.Add(ExcludedTarget(candidate, excluded));
        }
        else
        {
            diagnostics.Add(MissingTarget(candidate));
        }
    }

    private static Diagnostic MissingTarget(DependencyCandidate candidate) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingReferenceTarget,
            "Dependency is not in the project",
            candidate.Location,
            $"{candidate.Reason}, which is not in the project.",
            candidate.Kind == DependencyKind.Explicit
                ? $"Add {candidate.Target} to the project, or remove it from {WellKnown.DependsOnAnnotation}."
                : $"Add {candidate.Target} to the project, or remove the reference.");

    private static Diagnostic ExcludedTarget(DependencyCandidate candidate, ExcludedDocument excluded)
    {
        var annotation = JsonPointer.Append("/metadata/annotations", WellKnown.EnvironmentsAnnotation);
        return Diagnostic.Error(
            DiagnosticCodes.ReferenceToExcludedResource,
            "Dependency is excluded from this environment",
            candidate.Location,
            $"{candidate.Reason}, which is limited to the environments {string.Join(", ", excluded.Environments)} by {WellKnown.EnvironmentsAnnotation} at {excluded.Document.Source.Locate(annotation)}.",
            "Add this environment to that annotation, or remove the dependency from this environment.");
    }
}
