using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>The parts of a Deployment's spec the controller acts on, with maxSurge and maxUnavailable resolved
/// as deployment_util does (surge rounds up, unavailable rounds down, both 0 means unavailable 1).</summary>
internal sealed record RolloutSpec(
    int Replicas,
    bool Paused,
    bool Recreate,
    int MaxSurge,
    int MaxUnavailable,
    int? RevisionHistoryLimit,
    int? ProgressDeadlineSeconds,
    int MinReadySeconds)
{
    public bool HasProgressDeadline => ProgressDeadlineSeconds is { } seconds && seconds != int.MaxValue;

    /// <summary>Fewest available replicas the rollout keeps.</summary>
    public int MinAvailable => Replicas - MaxUnavailable;

    public static RolloutSpec Of(JsonObject deployment)
    {
        var spec = JsonTree.Existing(deployment, "spec");
        var replicas = (int)(JsonTree.Number(spec, "replicas") ?? 1);
        var strategy = JsonTree.Existing(spec, "strategy");
        var recreate = JsonTree.Text(strategy, "type") == "Recreate";
        var rolling = JsonTree.Existing(strategy, "rollingUpdate");
        var surge = recreate ? 0 : Scaled(rolling?["maxSurge"], replicas, roundUp: true);
        var unavailable = recreate ? 0 : Scaled(rolling?["maxUnavailable"], replicas, roundUp: false);
        if (!recreate && surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        unavailable = replicas == 0 ? 0 : Math.Min(unavailable, replicas);
        return new RolloutSpec(
            replicas,
            JsonTree.Flag(spec, "paused") == true,
            recreate,
            surge,
            unavailable,
            (int?)JsonTree.Number(spec, "revisionHistoryLimit"),
            (int?)JsonTree.Number(spec, "progressDeadlineSeconds"),
            (int)(JsonTree.Number(spec, "minReadySeconds") ?? 0));
    }

    public static JsonObject Template(JsonObject deployment) =>
        JsonTree.Existing(JsonTree.Existing(deployment, "spec"), "template") ?? [];

    public static string Name(JsonObject deployment) => ObjectMeta.Name(deployment);

    /// <summary>intstr.GetScaledValueFromIntOrPercent with the 25% default of an unset field.</summary>
    public static int Scaled(JsonNode? value, int total, bool roundUp)
    {
        if (value is JsonValue number && number.TryGetValue(out int whole))
        {
            return whole;
        }

        var text = value is JsonValue v && v.TryGetValue(out string? s) ? s : "25%";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        }

        var exact = (double)percent * total / 100;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }
}
