namespace Declarative.Core.Tests.Execution;

/// <summary>A clock that always says the same time, so event times can be asserted.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
