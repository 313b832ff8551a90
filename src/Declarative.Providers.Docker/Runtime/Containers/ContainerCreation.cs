using System.Collections.Immutable;
using Docker.DotNet.Models;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// The Engine API request that creates a container from its spec, as `docker run -d` would: ports published,
/// binds mounted, the first network as the network mode (API 1.41 attaches one network at create; the others are
/// connected before start), the user's labels plus ownership and the spec hash.
/// </summary>
internal static class ContainerCreation
{
    public static CreateContainerParameters Parameters(ContainerSpec container, string specHash)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (container.Labels ?? ImmutableSortedDictionary<string, string>.Empty).Concat(container.Ownership))
        {
            labels[key] = value;
        }

        labels[DockerLabels.SpecHash] = specHash;
        var ports = container.Ports ?? ImmutableSortedDictionary<string, ImmutableArray<PortBindingText>>.Empty;
        var parameters = new CreateContainerParameters
        {
            Name = container.Name,
            Image = container.Image ?? string.Empty,
            Labels = labels,
            StopTimeout = container.StopTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            ExposedPorts = ports.Keys.ToDictionary(k => k, _ => default(EmptyStruct), StringComparer.Ordinal),
            HostConfig = new HostConfig
            {
                PortBindings = ports.ToDictionary(
                    p => p.Key,
                    p => (IList<PortBinding>)[.. p.Value.Select(b => new PortBinding { HostIP = b.HostIp ?? string.Empty, HostPort = b.HostPort })],
                    StringComparer.Ordinal),
                Binds = [.. (container.Volumes?.Values ?? []).Select(v => v.Text)],
                RestartPolicy = RestartPolicyOf(container.Restart),
            },
        };

        // Unset members stay unset, so the image's own command, entrypoint, user and workdir apply (as with docker run).
        if (container.Command is { } command)
        {
            parameters.Cmd = [.. command];
        }

        if (container.Entrypoint is { } entrypoint)
        {
            parameters.Entrypoint = [.. entrypoint];
        }

        if (container.Env is { } env)
        {
            parameters.Env = [.. env.Select(e => $"{e.Key}={e.Value}")];
        }

        if (container.User is { } user)
        {
            parameters.User = user;
        }

        if (container.Workdir is { } workdir)
        {
            parameters.WorkingDir = workdir;
        }

        if (container.Networks is { Length: > 0 } networks)
        {
            parameters.HostConfig.NetworkMode = networks[0];
        }

        if (container.Healthcheck is { } check)
        {
            parameters.Healthcheck = new HealthcheckConfig
            {
                Test = [.. check.Test],
                Interval = Span(check.Interval),
                Timeout = Span(check.Timeout),
                StartPeriod = Span(check.StartPeriod),
                Retries = check.Retries,
            };
        }

        return parameters;
    }

    public static RestartPolicy RestartPolicyOf(string? restart)
    {
        var parts = (restart ?? "no").Split(':');
        return new RestartPolicy
        {
            Name = parts[0] switch
            {
                "always" => RestartPolicyKind.Always,
                "unless-stopped" => RestartPolicyKind.UnlessStopped,
                "on-failure" => RestartPolicyKind.OnFailure,
                _ => RestartPolicyKind.No,
            },
            MaximumRetryCount = parts.Length == 2 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0,
        };
    }

    private static TimeSpan? Span(long? nanoseconds) => nanoseconds is { } value ? TimeSpan.FromTicks(value / 100) : null;
}
