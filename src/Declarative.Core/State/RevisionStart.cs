namespace Declarative.Core.State;

/// <summary>Who started a revision and why.</summary>
public sealed record RevisionStart(
    RevisionOperation Operation,
    string User,
    string? GitCommit,
    string DeclarativeVersion,
    string? CommandLine,
    int? RollbackOf = null);
