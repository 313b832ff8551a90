namespace Declarative.Core.Providers;

/// <summary>Progress of a wait, for display: what is awaited and the latest observation.</summary>
public sealed record WaitProgress(ResourceAddress Address, string Message);

/// <summary>The end of a wait: ready, or not with a reason and evidence (a condition message, last log lines).</summary>
public sealed record WaitResult(bool Ready, string? Reason, System.Collections.Immutable.ImmutableArray<string> Evidence)
{
    public static WaitResult Success { get; } = new(true, null, []);

    public static WaitResult Failed(string reason, params string[] evidence) => new(false, reason, [.. evidence]);
}

public enum DeletePropagation
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>How to delete: propagation (Kubernetes), and whether to return only once the object is gone.</summary>
public sealed record DeleteOptions(DeletePropagation Propagation = DeletePropagation.Background, bool WaitUntilGone = true);
