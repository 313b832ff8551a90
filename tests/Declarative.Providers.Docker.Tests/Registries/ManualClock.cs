namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>A clock that moves only when told, so token expiry is tested without waiting. Timers stay real.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
