using System.Text.Json.Nodes;
using static Declarative.Providers.Kubernetes.Readiness.StatusFields;

namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>The rollout rules of <c>kubectl rollout status</c> (reference 7.2) for Deployments, StatefulSets and
/// DaemonSets; OnDelete strategies are done once the controller has observed the generation.</summary>
internal static class WorkloadReadiness
{
    public static ReadinessState Deployment(JsonObject obj)
    {
        var name = Name(obj);
        if (!Observed(obj))
        {
            return ObservationPending(obj, name);
        }

        if (Condition(obj, "Progressing") is { } progressing && Text(progressing, "/reason") == "ProgressDeadlineExceeded")
        {
            return ReadinessState.Failed("ProgressDeadlineExceeded", $"{name} exceeded its progress deadline: {Text(progressing, "/message") ?? "no progress"}");
        }

        var wanted = Number(obj, "/spec/replicas", 1);
        var updated = Number(obj, "/status/updatedReplicas");
        var replicas = Number(obj, "/status/replicas");
        var available = Number(obj, "/status/availableReplicas");
        if (updated < wanted)
        {
            return ReadinessState.Waiting($"{name}: {updated} of {wanted} new replicas updated");
        }

        if (replicas > updated)
        {
            return ReadinessState.Waiting($"{name}: {replicas - updated} old replicas pending termination");
        }

        return available < updated
            ? ReadinessState.Waiting($"{name}: {available} of {updated} updated replicas available")
            : ReadinessState.Ready($"{name}: rolled out, {available} of {wanted} replicas available");
    }

    public static ReadinessState StatefulSet(JsonObject obj)
    {
        var name = Name(obj);
        if (Text(obj, "/spec/updateStrategy/type") == "OnDelete")
        {
            return OnDelete(obj, name);
        }

        if (Number(obj, "/status/observedGeneration") == 0 || !Observed(obj))
        {
            return ObservationPending(obj, name);
        }

        var wanted = Number(obj, "/spec/replicas", 1);
        var ready = Number(obj, "/status/readyReplicas");
        if (ready < wanted)
        {
            return ReadinessState.Waiting($"{name}: {ready} of {wanted} pods ready");
        }

        if (Has(obj, "/spec/updateStrategy/rollingUpdate/partition"))
        {
            var partition = Number(obj, "/spec/updateStrategy/rollingUpdate/partition");
            var updated = Number(obj, "/status/updatedReplicas");
            return updated < wanted - partition
                ? ReadinessState.Waiting($"{name}: {updated} of {wanted - partition} pods updated (partition {partition})")
                : ReadinessState.Ready($"{name}: rolled out, {updated} pods updated");
        }

        return Text(obj, "/status/updateRevision") != Text(obj, "/status/currentRevision")
            ? ReadinessState.Waiting($"{name}: waiting for revision {Text(obj, "/status/updateRevision")} to replace {Text(obj, "/status/currentRevision")}")
            : ReadinessState.Ready($"{name}: rolled out, {ready} pods ready");
    }

    public static ReadinessState DaemonSet(JsonObject obj)
    {
        var name = Name(obj);
        if (Text(obj, "/spec/updateStrategy/type") == "OnDelete")
        {
            return OnDelete(obj, name);
        }

        if (!Observed(obj))
        {
            return ObservationPending(obj, name);
        }

        var desired = Number(obj, "/status/desiredNumberScheduled");
        var updated = Number(obj, "/status/updatedNumberScheduled");
        var available = Number(obj, "/status/numberAvailable");
        if (updated < desired)
        {
            return ReadinessState.Waiting($"{name}: {updated} of {desired} pods updated");
        }

        return available < desired
            ? ReadinessState.Waiting($"{name}: {available} of {desired} updated pods available")
            : ReadinessState.Ready($"{name}: rolled out, {available} of {desired} pods available");
    }

    private static ReadinessState OnDelete(JsonObject obj, string name) =>
        Observed(obj) && Has(obj, "/status/observedGeneration")
            ? ReadinessState.Ready($"{name}: generation {Number(obj, "/metadata/generation")} observed (OnDelete strategy: pods are replaced when deleted)")
            : ObservationPending(obj, name);

    private static bool Observed(JsonObject obj) =>
        Number(obj, "/metadata/generation") <= Number(obj, "/status/observedGeneration");

    private static ReadinessState ObservationPending(JsonObject obj, string name) =>
        ReadinessState.Waiting($"{name}: waiting for the controller to observe generation {Number(obj, "/metadata/generation")}");
}
