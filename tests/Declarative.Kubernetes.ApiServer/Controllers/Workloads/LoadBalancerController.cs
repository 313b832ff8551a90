using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// A cloud load-balancer controller (like MetalLB on kind): <see cref="ProvisionDelay"/> after a Service becomes
/// type LoadBalancer, status.loadBalancer.ingress gets <c>{ip, ipMode: VIP}</c>, the lowest free address of
/// 172.18.255.200-250 (spec.loadBalancerIP when it asks for a free one there). A Service that stops being a
/// LoadBalancer loses its ingress.
/// </summary>
public sealed class LoadBalancerController : Controller
{
    public static readonly TimeSpan ProvisionDelay = TimeSpan.FromSeconds(2);

    private const string Prefix = "172.18.255.";
    private const int First = 200;
    private const int Last = 250;

    private readonly Dictionary<ObjectKey, (string Uid, DateTimeOffset ReadyAt)> _pending = [];

    public override string Name => "service-lb-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("", "services")];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var service = context.Get(key);
        var spec = service is null ? null : JsonTree.Existing(service, "spec");
        var ingress = service?["status"]?["loadBalancer"]?["ingress"] as JsonArray;
        if (service is null || JsonTree.Text(spec, "type") != "LoadBalancer")
        {
            _pending.Remove(key);
            if (ingress is not null)
            {
                context.UpdateStatus(key, s => s["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() });
            }

            return null;
        }

        if (ingress is { Count: > 0 })
        {
            return null;
        }

        var time = SimulatedTime.Of(context);
        var uid = ObjectMeta.Uid(service) ?? string.Empty;
        if (!_pending.TryGetValue(key, out var pending) || pending.Uid != uid)
        {
            pending = (uid, time.After(ProvisionDelay));
            _pending[key] = pending;
        }

        if (time.Now < pending.ReadyAt)
        {
            return time.Until(pending.ReadyAt);
        }

        if (FreeAddress(context, JsonTree.Text(spec, "loadBalancerIP")) is not { } ip)
        {
            return null;
        }

        _pending.Remove(key);
        context.UpdateStatus(key, s => s["status"] = new JsonObject
        {
            ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" }) },
        });
        return null;
    }

    private static string? FreeAddress(ControllerContext context, string? requested)
    {
        var used = context.List(context.Resource("", "services"), null)
            .SelectMany(s => JsonTree.Items(s["status"]?["loadBalancer"] as JsonObject, "ingress"))
            .Select(i => JsonTree.Text(i.Item, "ip"))
            .ToHashSet(StringComparer.Ordinal);
        var candidates = Enumerable.Range(First, Last - First + 1).Select(i => Prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (requested is not null && candidates.Contains(requested) && !used.Contains(requested))
        {
            return requested;
        }

        return candidates.FirstOrDefault(c => !used.Contains(c));
    }
}
