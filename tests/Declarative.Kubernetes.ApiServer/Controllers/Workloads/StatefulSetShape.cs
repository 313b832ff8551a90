using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The parts of a StatefulSet's spec the simulated controller acts on (defaults as the API server's).</summary>
internal sealed record StatefulSetShape(int Replicas, int Start, bool Parallel, bool RollingUpdate, int Partition, long MinReadySeconds, bool Fails)
{
    public static StatefulSetShape Of(JsonObject set)
    {
        var spec = JsonTree.Existing(set, "spec");
        var strategy = JsonTree.Existing(spec, "updateStrategy");
        return new StatefulSetShape(
            (int)(JsonTree.Number(spec, "replicas") ?? 1),
            (int)(JsonTree.Number(JsonTree.Existing(spec, "ordinals"), "start") ?? 0),
            JsonTree.Text(spec, "podManagementPolicy") == "Parallel",
            (JsonTree.Text(strategy, "type") ?? "RollingUpdate") == "RollingUpdate",
            (int)(JsonTree.Number(JsonTree.Existing(strategy, "rollingUpdate"), "partition") ?? 0),
            JsonTree.Number(spec, "minReadySeconds") ?? 0,
            ImageFailure.Fails(JsonTree.Existing(spec, "template")));
    }

    public int End => Start + Replicas;
}
