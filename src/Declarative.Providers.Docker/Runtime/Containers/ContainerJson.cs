using System.Text.Json.Nodes;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// The object the differ compares for a container. Paths read like the document's (spec.env.LEVEL,
/// spec.ports["8080/tcp"], spec.volumes["/data"]), plus status.state and status.imageId, which only a container
/// has: a stopped container or a tag that moved to another image shows there.
/// </summary>
internal static class ContainerJson
{
    public static JsonObject Of(ContainerSpec container)
    {
        var spec = new JsonObject();
        Add(spec, "image", container.Image);
        AddList(spec, "command", container.Command);
        AddList(spec, "entrypoint", container.Entrypoint);
        AddMap(spec, "env", container.Env);
        if (container.Ports is { } ports)
        {
            spec["ports"] = new JsonObject(ports.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, string.Join(", ", p.Value.Select(b => b.HostText)))));
        }

        if (container.Volumes is { } volumes)
        {
            spec["volumes"] = new JsonObject(volumes.Select(v => KeyValuePair.Create<string, JsonNode?>(v.Key, v.Value.SourceText)));
        }

        Add(spec, "restart", container.Restart);
        AddList(spec, "networks", container.Networks);
        AddMap(spec, "labels", container.Labels);
        Add(spec, "user", container.User);
        Add(spec, "workdir", container.Workdir);
        if (container.Healthcheck is { } healthcheck)
        {
            var check = new JsonObject { ["test"] = new JsonArray([.. healthcheck.Test.Select(t => (JsonNode?)t)]) };
            AddDuration(check, "interval", healthcheck.Interval);
            AddDuration(check, "timeout", healthcheck.Timeout);
            AddDuration(check, "startPeriod", healthcheck.StartPeriod);
            if (healthcheck.Retries is { } retries)
            {
                check["retries"] = retries;
            }

            spec["healthcheck"] = check;
        }

        if (container.StopTimeout is { } stopTimeout)
        {
            spec["stopTimeout"] = stopTimeout;
        }

        var status = new JsonObject { ["state"] = container.State };
        Add(status, "imageId", container.ImageId);
        return new JsonObject
        {
            ["apiVersion"] = DockerKinds.ApiVersion,
            ["kind"] = DockerKinds.Container,
            ["metadata"] = new JsonObject
            {
                ["name"] = container.Name,
                ["labels"] = new JsonObject(container.Ownership.Select(l => KeyValuePair.Create<string, JsonNode?>(l.Key, l.Value))),
            },
            ["spec"] = spec,
            ["status"] = status,
        };
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void AddList(JsonObject target, string name, System.Collections.Immutable.ImmutableArray<string>? values)
    {
        if (values is { } items)
        {
            target[name] = new JsonArray([.. items.Select(i => (JsonNode?)i)]);
        }
    }

    private static void AddMap(JsonObject target, string name, System.Collections.Immutable.ImmutableSortedDictionary<string, string>? values)
    {
        if (values is { } map)
        {
            target[name] = new JsonObject(map.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value)));
        }
    }

    private static void AddDuration(JsonObject target, string name, long? nanoseconds)
    {
        if (nanoseconds is { } value)
        {
            target[name] = GoDurations.Format(value);
        }
    }
}
