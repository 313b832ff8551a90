using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The parts of a DaemonSet's spec the simulated controller acts on.</summary>
internal sealed record DaemonSetShape(bool RollingUpdate, JsonNode? MaxUnavailable, JsonNode? MaxSurge, long MinReadySeconds, bool Fails, IReadOnlyDictionary<string, string> NodeSelector)
{
    public static DaemonSetShape Of(JsonObject set)
    {
        var spec = JsonTree.Existing(set, "spec");
        var strategy = JsonTree.Existing(spec, "updateStrategy");
        var rolling = JsonTree.Existing(strategy, "rollingUpdate");
        var template = JsonTree.Existing(spec, "template");
        return new DaemonSetShape(
            (JsonTree.Text(strategy, "type") ?? "RollingUpdate") == "RollingUpdate",
            rolling?["maxUnavailable"],
            rolling?["maxSurge"],
            JsonTree.Number(spec, "minReadySeconds") ?? 0,
            ImageFailure.Fails(template),
            JsonTree.StringMap(JsonTree.Existing(JsonTree.Existing(template, "spec"), "nodeSelector")));
    }

    /// <summary>An int-or-percent against <paramref name="total"/>, percentages rounded up (as for DaemonSets).</summary>
    public static int Resolve(JsonNode? value, int total, int fallback)
    {
        if (value is JsonValue v && v.TryGetValue(out int number))
        {
            return number;
        }

        if (value is JsonValue p && p.TryGetValue(out string? text) && text.EndsWith('%')
            && int.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            return (int)Math.Ceiling(total * percent / 100.0);
        }

        return fallback;
    }
}
