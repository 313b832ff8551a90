using System.Collections.Immutable;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// A container as Declarative compares it, whether read from a document (desired, last applied) or from an inspect
/// (live). A null member was not specified and is not compared. Lists with a natural key are maps: ports by
/// "port/proto", volumes by container path, env and labels by name; networks are a sorted set.
/// <see cref="State"/> is "running" for documents and the engine's state for live containers.
/// </summary>
internal sealed record ContainerSpec
{
    public const string Running = "running";

    public required string Name { get; init; }

    public ImmutableSortedDictionary<string, string> Ownership { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string? Image { get; init; }

    public ImmutableArray<string>? Command { get; init; }

    public ImmutableArray<string>? Entrypoint { get; init; }

    public ImmutableSortedDictionary<string, string>? Env { get; init; }

    /// <summary>"8080/tcp" to the host side(s): "8080", "127.0.0.1:8080".</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<PortBindingText>>? Ports { get; init; }

    /// <summary>Container path to the bind or volume mounted there.</summary>
    public ImmutableSortedDictionary<string, BindText>? Volumes { get; init; }

    /// <summary>no, always, unless-stopped, on-failure, on-failure:N.</summary>
    public string? Restart { get; init; }

    public ImmutableArray<string>? Networks { get; init; }

    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    public string? User { get; init; }

    public string? Workdir { get; init; }

    public HealthcheckSpec? Healthcheck { get; init; }

    public long? StopTimeout { get; init; }

    public string State { get; init; } = Running;

    /// <summary>The image ID the container runs (live) or would run (desired, when the reference exists locally).</summary>
    public string? ImageId { get; init; }
}
