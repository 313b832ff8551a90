using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// A coordination.k8s.io/v1 Lease as the store reads it: who holds it (<c>spec.holderIdentity</c>, the JSON of a
/// <see cref="LockRecord"/>), since when it was last renewed, for how long, and its resourceVersion for the
/// optimistic update that takes or clears it. A Lease without a holder is free; one whose renewTime plus duration is
/// past is expired (its holder stopped renewing: it died, or lost the cluster), and may be taken over.
/// </summary>
internal sealed record LeaseState(string? Identity, LockRecord? Holder, int DurationSeconds, DateTimeOffset? RenewTime, int Transitions, string ResourceVersion)
{
    public bool IsFree => string.IsNullOrEmpty(Identity);

    /// <summary>When it stops protecting its holder: renewTime (or acquireTime) plus the duration; a Lease without
    /// either expired long ago.</summary>
    public DateTimeOffset ExpiresAt => RenewTime is { } renewed ? renewed.AddSeconds(Math.Max(DurationSeconds, 0)) : DateTimeOffset.MinValue;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt < now;

    public static LeaseState Read(JsonObject lease)
    {
        var spec = lease["spec"] as JsonObject;
        var identity = Text(spec?["holderIdentity"]);
        return new LeaseState(
            identity,
            ParseHolder(identity),
            Int(spec?["leaseDurationSeconds"]) ?? 0,
            Time(spec?["renewTime"]) ?? Time(spec?["acquireTime"]),
            Int(spec?["leaseTransitions"]) ?? 0,
            StateLabels.ResourceVersion(lease) ?? string.Empty);
    }

    /// <summary>The holderIdentity of <paramref name="holder"/>: compact JSON, the same text for the same record.</summary>
    public static string IdentityOf(LockRecord holder) => new JsonObject
    {
        ["user"] = holder.User,
        ["host"] = holder.Host,
        ["pid"] = holder.ProcessId,
        ["command"] = holder.Command,
        ["started"] = holder.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    }.ToJsonString();

    /// <summary>The spec of a Lease held by <paramref name="identity"/> from <paramref name="now"/>.</summary>
    public static JsonObject HeldSpec(string identity, int durationSeconds, DateTimeOffset now, int transitions) => new()
    {
        ["holderIdentity"] = identity,
        ["leaseDurationSeconds"] = durationSeconds,
        ["acquireTime"] = MicroTime(now),
        ["renewTime"] = MicroTime(now),
        ["leaseTransitions"] = transitions,
    };

    /// <summary>The spec of a released Lease: no holder, no times.</summary>
    public static JsonObject FreeSpec(int durationSeconds, int transitions) => new()
    {
        ["leaseDurationSeconds"] = durationSeconds,
        ["leaseTransitions"] = transitions,
    };

    /// <summary>metav1.MicroTime: RFC 3339 in UTC with microseconds.</summary>
    public static string MicroTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>What a refused locker is told: the holder's record, or the raw identity of a holder that is not a
    /// Declarative run.</summary>
    public StateLockedException Locked(string environment, string lease) =>
        Holder is { } holder
            ? new StateLockedException(holder, environment)
            : new StateLockedException($"Environment \"{environment}\" is locked by \"{Identity}\" (Lease {lease}), which is not a Declarative lock record; it expires at {ExpiresAt:u} unless its holder renews it.");

    private static LockRecord? ParseHolder(string? identity)
    {
        if (string.IsNullOrEmpty(identity))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(identity) is not JsonObject record
                || Text(record["user"]) is not { } user
                || Text(record["host"]) is not { } host
                || Int(record["pid"]) is not { } pid
                || Text(record["command"]) is not { } command
                || Time(record["started"]) is not { } started)
            {
                return null;
            }

            return new LockRecord(user, host, pid, started, command);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
