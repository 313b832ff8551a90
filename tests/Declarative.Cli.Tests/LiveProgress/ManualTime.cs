namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>A clock the test sets; timers still run on real time (the display's refresh is real).</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
