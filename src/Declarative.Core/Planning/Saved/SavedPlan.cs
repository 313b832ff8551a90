namespace Declarative.Core.Planning.Saved;

/// <summary>
/// A plan as `decl plan --out` saves it: the plan itself (live objects, fingerprints and base revision included),
/// where the project lives (so `decl apply FILE` finds the environment's state and target), when and by which
/// Declarative it was made.
/// </summary>
public sealed record SavedPlan(Plan Plan, string ProjectRoot, DateTimeOffset CreatedAt, string DeclarativeVersion);
