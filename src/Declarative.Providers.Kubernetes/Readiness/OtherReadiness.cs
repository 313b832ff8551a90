using System.Text.Json.Nodes;
using static Declarative.Providers.Kubernetes.Readiness.StatusFields;

namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>Readiness of Jobs (complete), LoadBalancer Services (an address), CRDs (Established) and PVCs (exist).</summary>
internal static class OtherReadiness
{
    public static ReadinessState Job(JsonObject obj)
    {
        var name = Name(obj);
        if (ConditionIs(obj, "Failed", "True"))
        {
            var failed = Condition(obj, "Failed")!;
            return ReadinessState.Failed(Text(failed, "/reason") ?? "Failed", $"{name} failed: {Text(failed, "/message") ?? "no message"}");
        }

        return ConditionIs(obj, "Complete", "True")
            ? ReadinessState.Ready($"{name}: complete, {Number(obj, "/status/succeeded")} succeeded")
            : ReadinessState.Waiting($"{name}: waiting for completion ({Number(obj, "/status/active")} active, {Number(obj, "/status/succeeded")} succeeded, {Number(obj, "/status/failed")} failed)");
    }

    public static ReadinessState Service(JsonObject obj)
    {
        var name = Name(obj);
        if (Text(obj, "/spec/type") != "LoadBalancer")
        {
            return ReadinessState.Ready($"{name}: exists");
        }

        var hasAddress = JsonHasItems(obj, "/spec/externalIPs") || JsonHasItems(obj, "/status/loadBalancer/ingress");
        return hasAddress
            ? ReadinessState.Ready($"{name}: load balancer address assigned")
            : ReadinessState.Waiting($"{name}: waiting for a load balancer address");
    }

    public static ReadinessState CustomResourceDefinition(JsonObject obj)
    {
        var name = Name(obj);
        if (ConditionIs(obj, "NamesAccepted", "False"))
        {
            var names = Condition(obj, "NamesAccepted")!;
            return ReadinessState.Failed(Text(names, "/reason") ?? "NamesNotAccepted", $"{name}: names not accepted: {Text(names, "/message") ?? "no message"}");
        }

        return ConditionIs(obj, "Established", "True")
            ? ReadinessState.Ready($"{name}: established")
            : ReadinessState.Waiting($"{name}: waiting to be Established");
    }

    /// <summary>Exists is enough: waiting for Bound would deadlock a WaitForFirstConsumer class.</summary>
    public static ReadinessState PersistentVolumeClaim(JsonObject obj) =>
        ReadinessState.Ready($"{Name(obj)}: exists, {Text(obj, "/status/phase") ?? "Pending"} (Bound is not awaited)");

    private static bool JsonHasItems(JsonObject obj, string pointer) =>
        Declarative.Core.Providers.JsonPointer.Get(obj, pointer) is JsonArray { Count: > 0 };
}
