using System.Collections.Immutable;
using Docker.DotNet.Models;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// Reads an inspected container into the form Declarative compares. Everything is read, including what the image
/// added (its env, labels, command); the differ only compares the paths of the last applied and desired documents,
/// so what the image merged in is never drift.
/// </summary>
internal static class ContainerInspection
{
    public static ContainerSpec Read(ContainerInspectResponse container)
    {
        var config = container.Config ?? new ContainerConfig();
        var host = container.HostConfig ?? new HostConfig();
        var labels = config.Labels ?? new Dictionary<string, string>();
        return new ContainerSpec
        {
            Name = container.Name.TrimStart('/'),
            Ownership = DockerLabels.Ownership(labels),
            Image = config.Image,
            Command = config.Cmd is { Count: > 0 } cmd ? [.. cmd] : null,
            Entrypoint = config.Entrypoint is { Count: > 0 } entrypoint ? [.. entrypoint] : null,
            Env = (config.Env ?? []).Select(e => e.Split('=', 2)).GroupBy(p => p[0], StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Last() is { Length: 2 } pair ? pair[1] : string.Empty, StringComparer.Ordinal),
            Ports = (host.PortBindings ?? new Dictionary<string, IList<PortBinding>>())
                .Where(p => p.Value is { Count: > 0 })
                .ToImmutableSortedDictionary(
                    p => p.Key,
                    p => p.Value.Select(b => new PortBindingText(p.Key, PortBindingText.NormalizeIp(b.HostIP), b.HostPort)).OrderBy(b => b.HostText, StringComparer.Ordinal).ToImmutableArray(),
                    StringComparer.Ordinal),
            Volumes = (host.Binds ?? []).Select(b => BindText.Parse(b, null)).GroupBy(b => b.Target, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal),
            Restart = RestartText(host.RestartPolicy),
            Networks = [.. (container.NetworkSettings?.Networks?.Keys ?? []).Order(StringComparer.Ordinal)],
            Labels = labels.Where(l => !DockerLabels.IsDeclarative(l.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal),
            User = string.IsNullOrEmpty(config.User) ? null : config.User,
            Workdir = string.IsNullOrEmpty(config.WorkingDir) ? null : config.WorkingDir,
            Healthcheck = config.Healthcheck is { Test.Count: > 0 } healthcheck
                ? new HealthcheckSpec([.. healthcheck.Test], Nanoseconds(healthcheck.Interval), Nanoseconds(healthcheck.Timeout), Nanoseconds(healthcheck.StartPeriod), healthcheck.Retries)
                : null,
            StopTimeout = config.StopTimeout is { } stop ? (long)stop.TotalSeconds : null,
            State = container.State?.Status ?? "unknown",
            ImageId = container.Image,
        };
    }

    public static string RestartText(RestartPolicy? policy) => policy?.Name switch
    {
        RestartPolicyKind.Always => "always",
        RestartPolicyKind.UnlessStopped => "unless-stopped",
        RestartPolicyKind.OnFailure when policy.MaximumRetryCount > 0 => $"on-failure:{policy.MaximumRetryCount}",
        RestartPolicyKind.OnFailure => "on-failure",
        _ => "no",
    };

    private static long? Nanoseconds(TimeSpan? span) => span is { } value && value != TimeSpan.Zero ? value.Ticks * 100 : null;
}
