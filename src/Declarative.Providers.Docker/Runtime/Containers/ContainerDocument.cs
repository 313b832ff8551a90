using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>Reads a Container document (validated by the catalog) into the form Declarative compares.</summary>
internal static class ContainerDocument
{
    /// <param name="document">The whole document: apiVersion, kind, metadata, spec.</param>
    /// <param name="folder">The document's folder, for relative bind mounts; null when paths are already absolute.</param>
    public static ContainerSpec Read(JsonObject document, string? folder)
    {
        var spec = document["spec"] as JsonObject ?? [];
        return new ContainerSpec
        {
            Name = JsonText.At(document, "/metadata/name") ?? string.Empty,
            Ownership = StringMap(document["metadata"]?["labels"] as JsonObject).Where(l => DockerLabels.IsOwnership(l.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal),
            Image = Text(spec["image"]),
            Command = Words(spec["command"]),
            Entrypoint = Words(spec["entrypoint"]),
            Env = spec["env"] is JsonObject env ? StringMap(env) : null,
            Ports = spec["ports"] is JsonArray ports
                ? ports.Select(p => PortBindingText.Parse(Text(p) ?? string.Empty))
                    .GroupBy(p => p.ContainerKey, StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(g => g.Key, g => g.OrderBy(p => p.HostText, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal)
                : null,
            Volumes = spec["volumes"] is JsonArray volumes
                ? volumes.Select(v => BindText.Parse(Text(v) ?? string.Empty, folder))
                    .GroupBy(b => b.Target, StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal)
                : null,
            Restart = Text(spec["restart"]),
            Networks = spec["networks"] is JsonArray networks ? [.. networks.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : null,
            Labels = spec["labels"] is JsonObject labels ? StringMap(labels) : null,
            User = Text(spec["user"]),
            Workdir = Text(spec["workdir"]),
            Healthcheck = spec["healthcheck"] is JsonObject healthcheck ? Healthcheck(healthcheck) : null,
            StopTimeout = Number(spec["stopTimeout"]),
        };
    }

    /// <summary>The document with relative bind-mount sources made absolute: what is applied and stored, so that a
    /// rollback or a drift check needs no project folder.</summary>
    public static JsonObject WithAbsoluteVolumes(JsonObject document, string? folder)
    {
        var copy = (JsonObject)document.DeepClone();
        if (folder is not null && copy["spec"]?["volumes"] is JsonArray volumes)
        {
            for (var i = 0; i < volumes.Count; i++)
            {
                if (Text(volumes[i]) is { } text && BindText.IsRelativePath(text.Split(':')[0]))
                {
                    var bind = BindText.Parse(text, folder);
                    var mode = text.Split(':') is { Length: 3 } parts ? ":" + parts[2] : string.Empty;
                    volumes[i] = JsonValue.Create($"{bind.Source}:{bind.Target}{mode}");
                }
            }
        }

        return copy;
    }

    private static HealthcheckSpec Healthcheck(JsonObject healthcheck) => new(
        healthcheck["test"] switch
        {
            JsonArray list => [.. list.Select(Text).OfType<string>()],
            JsonValue value when Text(value) is { } text => ["CMD-SHELL", text],
            _ => [],
        },
        Duration(healthcheck["interval"]),
        Duration(healthcheck["timeout"]),
        Duration(healthcheck["startPeriod"]),
        Number(healthcheck["retries"]));

    private static long? Number(JsonNode? node) =>
        Text(node) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? (long)number : null;

    private static long? Duration(JsonNode? node) => Text(node) is { } text ? GoDurations.ToNanoseconds(text) : null;

    private static ImmutableArray<string>? Words(JsonNode? node) => node switch
    {
        JsonArray list => [.. list.Select(Text).OfType<string>()],
        JsonValue when Text(node) is { } text => [.. Shared.Words.Split(text)],
        _ => null,
    };

    private static ImmutableSortedDictionary<string, string> StringMap(JsonObject? map) =>
        (map ?? []).ToImmutableSortedDictionary(p => p.Key, p => Text(p.Value) ?? string.Empty, StringComparer.Ordinal);

    private static string? Text(JsonNode? node) => Scalars.Text(node);
}
