using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The endpoints and endpointslice controllers, per namespace: for every Service with a selector, an Endpoints
/// object and EndpointSlices listing the ready simulated pods whose template labels match (see
/// <see cref="PodSources"/>); the objects of Services that are gone are deleted. A change to a Service or to any
/// workload re-runs its namespace.
/// </summary>
public sealed class EndpointsController : Controller
{
    public const string ManagedBy = "endpointslice-controller.k8s.io";
    public const string TriggerTime = "endpoints.kubernetes.io/last-change-trigger-time";

    public override string Name => "endpoint-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches =>
    [
        ("", "services"), ("apps", "replicasets"), ("", "replicationcontrollers"), ("apps", "statefulsets"),
        ("apps", "daemonsets"), ("batch", "jobs"), ("apps", "deployments"),
    ];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change) =>
        ObjectMeta.Namespace(change.Object) is { } ns ? [new ObjectKey("", "namespaces", null, ns)] : [];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var ns = key.Name;
        var services = context.List(context.Resource("", "services"), ns)
            .Where(s => !ObjectMeta.IsDeleting(s) && Selector(s).Count > 0 && JsonTree.Text(JsonTree.Existing(s, "spec"), "type") != "ExternalName")
            .ToList();
        var pods = new PodSources(context, ns).Ready().ToList();
        var writer = new EndpointsWriter(context, ns);
        foreach (var service in services)
        {
            var name = ObjectMeta.Name(service);
            var selector = Selector(service);
            var selected = pods.Where(p => selector.All(s => p.Labels.TryGetValue(s.Key, out var v) && v == s.Value))
                .Select(p => p.Pod with { Hostname = p.Pod.Subdomain == name ? p.Pod.Hostname : null })
                .DistinctBy(p => p.Name)
                .ToList();
            var groups = EndpointsBuilder.Groups(service, selected);
            writer.WriteEndpoints(service, groups);
            writer.WriteSlices(service, groups);
        }

        writer.DeleteOrphans(services.Select(ObjectMeta.Name).ToHashSet(StringComparer.Ordinal));
        return null;
    }

    private static IReadOnlyDictionary<string, string> Selector(JsonObject service) =>
        JsonTree.StringMap(JsonTree.Existing(JsonTree.Existing(service, "spec"), "selector"));
}
