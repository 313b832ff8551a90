using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

public enum ApplyEventKind
{
    Started,
    Applied,
    Waiting,
    Ready,
    Deleted,
    Released,
    Failed,
    Skipped,
}

/// <summary>Progress of one resource during apply, for renderers (TTY progress or timestamped lines).</summary>
public sealed record ApplyEvent(ResourceAddress Address, ApplyEventKind Kind, string Message, DateTimeOffset At);
