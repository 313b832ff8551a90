using System.Collections.Immutable;
using Declarative.Core.Drift;
using Declarative.Core.Graph;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Report;

/// <summary>
/// What one report is made of, as read by <c>decl report</c>: the environment's graph (from the manifests, or from the
/// newest revision when they do not load), its history, and the plan and drift when the live systems could be read.
/// Each missing part has a problem that the page shows in its place.
/// </summary>
internal sealed record ReportSources(
    string Project,
    string Environment,
    DateTimeOffset GeneratedAt,
    string DeclarativeVersion,
    ResourceGraph? Graph,
    string? GraphProblem,
    ImmutableArray<Revision> Revisions,
    Plan? Plan,
    string? PlanProblem,
    DriftReport? Drift,
    string? DriftProblem);
