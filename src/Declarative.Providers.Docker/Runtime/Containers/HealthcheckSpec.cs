using System.Collections.Immutable;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>A container's healthcheck with durations in nanoseconds; null members were not given.</summary>
internal sealed record HealthcheckSpec(ImmutableArray<string> Test, long? Interval, long? Timeout, long? StartPeriod, long? Retries)
{
    public bool Equals(HealthcheckSpec? other) =>
        other is not null && Test.SequenceEqual(other.Test) && Interval == other.Interval && Timeout == other.Timeout
        && StartPeriod == other.StartPeriod && Retries == other.Retries;

    public override int GetHashCode() => HashCode.Combine(string.Join('\0', Test), Interval, Timeout, StartPeriod, Retries);
}
