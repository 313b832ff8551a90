namespace Declarative.Core.State;

/// <summary>Where a revision stands. Only the newest successful one is Deployed; a success supersedes the
/// previous Deployed one.</summary>
public enum RevisionStatus
{
    Pending,
    Deployed,
    Failed,
    Superseded,
    Destroyed,
}

public enum RevisionOperation
{
    Apply,
    Rollback,
    Destroy,
}
