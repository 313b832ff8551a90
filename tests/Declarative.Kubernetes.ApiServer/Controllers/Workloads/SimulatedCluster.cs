using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The Nodes and the default StorageClass a kind cluster starts with, as the double makes them.</summary>
internal static class SimulatedCluster
{
    public const string DefaultStorageClass = "standard";

    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>kind's worker names: double-worker, double-worker2, double-worker3...</summary>
    public static string NodeName(int index) =>
        index == 0 ? "double-worker" : string.Create(CultureInfo.InvariantCulture, $"double-worker{index + 1}");

    public static JsonObject Node(int index, DateTimeOffset now)
    {
        var name = NodeName(index);
        var time = Storage.ObjectMeta.Timestamp(now);
        var resources = new JsonObject { ["cpu"] = "8", ["ephemeral-storage"] = "102626232Ki", ["memory"] = "16318420Ki", ["pods"] = "110" };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject
                {
                    ["beta.kubernetes.io/arch"] = "amd64",
                    ["beta.kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["kubernetes.io/hostname"] = name,
                    ["kubernetes.io/os"] = "linux",
                },
            },
            ["spec"] = new JsonObject
            {
                ["podCIDR"] = string.Create(CultureInfo.InvariantCulture, $"10.244.{index + 1}.0/24"),
                ["podCIDRs"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"10.244.{index + 1}.0/24")),
                ["providerID"] = $"kind://docker/double/{name}",
            },
            ["status"] = new JsonObject
            {
                ["addresses"] = new JsonArray(
                    new JsonObject { ["address"] = string.Create(CultureInfo.InvariantCulture, $"172.18.0.{index + 3}"), ["type"] = "InternalIP" },
                    new JsonObject { ["address"] = name, ["type"] = "Hostname" }),
                ["allocatable"] = resources.DeepClone(),
                ["capacity"] = resources,
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", time),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", time),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", time),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", time)),
                ["nodeInfo"] = new JsonObject
                {
                    ["architecture"] = "amd64",
                    ["containerRuntimeVersion"] = "containerd://1.7.24",
                    ["kernelVersion"] = "6.8.0",
                    ["kubeProxyVersion"] = "v1.32.0",
                    ["kubeletVersion"] = "v1.32.0",
                    ["operatingSystem"] = "linux",
                    ["osImage"] = "Debian GNU/Linux 12 (bookworm)",
                },
            },
        };
    }

    /// <summary>kind's class, but with Immediate binding: no pods are ever scheduled here, so a
    /// WaitForFirstConsumer default would leave every claim Pending.</summary>
    public static JsonObject StorageClass() => new()
    {
        ["apiVersion"] = "storage.k8s.io/v1",
        ["kind"] = "StorageClass",
        ["metadata"] = new JsonObject
        {
            ["name"] = DefaultStorageClass,
            ["annotations"] = new JsonObject { [DefaultClassAnnotation] = "true" },
        },
        ["provisioner"] = "rancher.io/local-path",
        ["reclaimPolicy"] = "Delete",
        ["volumeBindingMode"] = "Immediate",
    };

    private static JsonObject Condition(string type, string status, string reason, string message, string time) => new()
    {
        ["lastHeartbeatTime"] = time,
        ["lastTransitionTime"] = time,
        ["message"] = message,
        ["reason"] = reason,
        ["status"] = status,
        ["type"] = type,
    };
}
