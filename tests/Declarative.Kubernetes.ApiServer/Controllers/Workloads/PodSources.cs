using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The ready pods of a namespace, derived from the workloads that would own them (no Pod objects exist):
/// ReplicaSets, ReplicationControllers, StatefulSets, DaemonSets and Jobs by their ready counts, and a Deployment
/// by its own count only while no ReplicaSet of it exists. Names, uids and IPs are stable per pod.
/// </summary>
internal sealed class PodSources(ControllerContext context, string? ns)
{
    public IEnumerable<(IReadOnlyDictionary<string, string> Labels, ReadyPod Pod)> Ready()
    {
        var replicaSets = List("apps", "replicasets").ToList();
        var sources = replicaSets.Select(rs => Source(rs, "readyReplicas", Numbered(rs)))
            .Concat(List("", "replicationcontrollers").Select(rc => Source(rc, "readyReplicas", Numbered(rc))))
            .Concat(List("apps", "statefulsets").Select(set => Source(set, "readyReplicas", Ordinal(set))))
            .Concat(List("apps", "daemonsets").Select(ds => Source(ds, "numberReady", Numbered(ds))))
            .Concat(List("batch", "jobs").Select(job => Source(job, "ready", Numbered(job))))
            .Concat(List("apps", "deployments").Where(d => !replicaSets.Any(rs => Owners.IsControlledBy(rs, d)))
                .Select(d => Source(d, "readyReplicas", Numbered(d))));
        return sources.SelectMany(s => s);
    }

    private IEnumerable<JsonObject> List(string group, string plural) =>
        context.List(context.Resource(group, plural), ns).Where(o => !ObjectMeta.IsDeleting(o));

    private static IEnumerable<(IReadOnlyDictionary<string, string>, ReadyPod)> Source(JsonObject owner, string readyField, Func<int, string> podName)
    {
        var ready = (int)(JsonTree.Number(JsonTree.Existing(owner, "status"), readyField) ?? 0);
        var template = JsonTree.Existing(JsonTree.Existing(owner, "spec"), "template");
        var labels = JsonTree.StringMap(JsonTree.Existing(JsonTree.Metadata(template ?? []), "labels"));
        var ports = NamedPorts(template);
        var subdomain = JsonTree.Text(JsonTree.Existing(owner, "spec"), "serviceName");
        for (var i = 0; i < ready; i++)
        {
            var name = podName(i);
            var hash = Hashing.Fnv32a(name);
            var node = SimulatedCluster.NodeName((int)(hash % 3));
            yield return (labels, new ReadyPod(name, UidOf(owner, name), Hashing.PodIp(name), node,
                subdomain is null ? null : name, subdomain, ports));
        }
    }

    private static Func<int, string> Numbered(JsonObject owner) =>
        i => $"{ObjectMeta.Name(owner)}-{Hashing.Suffix((ObjectMeta.Uid(owner) ?? string.Empty) + i.ToString(CultureInfo.InvariantCulture))}";

    private static Func<int, string> Ordinal(JsonObject set)
    {
        var start = (int)(JsonTree.Number(JsonTree.Existing(JsonTree.Existing(set, "spec"), "ordinals"), "start") ?? 0);
        return i => string.Create(CultureInfo.InvariantCulture, $"{ObjectMeta.Name(set)}-{start + i}");
    }

    /// <summary>A uid that stays the same for the same pod of the same owner.</summary>
    private static string UidOf(JsonObject owner, string podName)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((ObjectMeta.Uid(owner) ?? string.Empty) + "/" + podName));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }

    private static Dictionary<string, int> NamedPorts(JsonObject? template)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (container, _) in JsonTree.Items(JsonTree.Existing(template, "spec"), "containers"))
        {
            foreach (var (port, _) in JsonTree.Items(container, "ports"))
            {
                if (JsonTree.Text(port, "name") is { } name && JsonTree.Number(port, "containerPort") is { } number)
                {
                    ports.TryAdd(name, (int)number);
                }
            }
        }

        return ports;
    }
}
