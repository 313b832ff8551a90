using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission.Allocation;

/// <summary>
/// Cluster IPs from <see cref="IpRange.Cidr"/> (dynamic ones from 10.96.0.10 up; 10.96.0.1 is the
/// <c>kubernetes</c> Service's) and node ports from 30000-32767, held per server. Thread-safe.
/// </summary>
internal sealed class ServiceAllocator
{
    public const int FirstNodePort = 30000;
    public const int LastNodePort = 32767;

    private readonly Pool _ips = new(1, (int)IpRange.Size - 2, 10);
    private readonly Pool _ports = new(FirstNodePort, LastNodePort, FirstNodePort);

    /// <summary>
    /// Gives <paramref name="spec"/> what it needs and lacks, taking requested values that it did not already
    /// hold in <paramref name="oldSpec"/>; then frees what the old spec held and the new one does not. All or
    /// nothing: a failure frees what this call took and throws 422 Invalid (500 for a health check port).
    /// </summary>
    public void Reconcile(ApiResource resource, string name, JsonObject? oldSpec, JsonObject spec, bool dryRun)
    {
        var ledger = new List<(Pool Pool, int Slot)>();
        try
        {
            AssignClusterIp(resource, name, oldSpec, spec, dryRun, ledger);
            AssignNodePorts(resource, name, oldSpec, spec, dryRun, ledger);
            AssignHealthCheckPort(oldSpec, spec, dryRun, ledger);
        }
        catch (ApiError)
        {
            FreeAll(ledger, dryRun);
            throw;
        }

        if (oldSpec is not null && !dryRun)
        {
            FreeAll(Held(oldSpec).Except(Held(spec)), dryRun: false);
        }
    }

    public void Release(JsonObject? spec) => FreeAll(Held(spec), dryRun: false);

    private void AssignClusterIp(ApiResource resource, string name, JsonObject? oldSpec, JsonObject spec, bool dryRun, List<(Pool, int)> ledger)
    {
        if (!ServiceShape.NeedsClusterIp(spec) || ServiceShape.IsHeadless(spec))
        {
            return;
        }

        var held = ServiceShape.NeedsClusterIp(oldSpec) ? ServiceShape.ClusterIps(oldSpec) : [];
        var requested = ServiceShape.ClusterIps(spec);
        if (requested.Count == 0)
        {
            var next = _ips.TakeNext(dryRun, []) ?? throw new ApiError("failed to allocate a serviceIP: range is full");
            ledger.Add((_ips, next));
            SetClusterIp(spec, IpRange.Text((uint)next));
            return;
        }

        var ip = requested[0];
        if (held.Contains(ip))
        {
            return;
        }

        if (!IpRange.TryParse(ip, out var address))
        {
            throw Invalid(resource, name, new StatusCause("FieldValueInvalid", $"Invalid value: {ValueText.Render(ip)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", "spec.clusterIPs[0]"));
        }

        var reason = IpRange.OffsetOf(address) is not { } offset
            ? $"the provided IP ({ip}) is not in the valid range. The range of valid IPs is {IpRange.Cidr}"
            : _ips.TryTake((int)offset, dryRun) ? null : "provided IP is already allocated";
        if (reason is not null)
        {
            throw Invalid(resource, name, StatusCause.InvalidValue("spec.clusterIPs", ValueText.Render(requested), $"failed to allocate IP {ip}: {reason}"));
        }

        ledger.Add((_ips, (int)IpRange.OffsetOf(address)!.Value));
    }

    private void AssignNodePorts(ApiResource resource, string name, JsonObject? oldSpec, JsonObject spec, bool dryRun, List<(Pool, int)> ledger)
    {
        if (!ServiceShape.NeedsNodePorts(spec))
        {
            return;
        }

        var held = ServiceShape.NeedsNodePorts(oldSpec) ? ServiceShape.Ports(oldSpec).Select(p => p.NodePort).ToHashSet() : [];
        foreach (var (port, index, nodePort) in ServiceShape.Ports(spec))
        {
            if (nodePort is not { } requested)
            {
                var next = _ports.TakeNext(dryRun, Picked(ledger)) ?? throw new ApiError("failed to allocate a nodePort: range is full");
                ledger.Add((_ports, next));
                port["nodePort"] = next;
                continue;
            }

            if (held.Contains(requested) || ledger.Contains((_ports, requested)))
            {
                continue;
            }

            var reason = !_ports.Contains(requested)
                ? $"provided port is not in the valid range. The range of valid ports is {FirstNodePort}-{LastNodePort}"
                : _ports.TryTake(requested, dryRun) ? null : "provided port is already allocated";
            if (reason is not null)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"spec.ports[{index}].nodePort");
                throw Invalid(resource, name, new StatusCause("FieldValueInvalid", string.Create(CultureInfo.InvariantCulture, $"Invalid value: {requested}: {reason}"), field));
            }

            ledger.Add((_ports, requested));
        }
    }

    private void AssignHealthCheckPort(JsonObject? oldSpec, JsonObject spec, bool dryRun, List<(Pool, int)> ledger)
    {
        if (!ServiceShape.NeedsHealthCheck(spec))
        {
            return;
        }

        var held = ServiceShape.NeedsHealthCheck(oldSpec) ? JsonTree.Number(oldSpec, "healthCheckNodePort") : null;
        if (JsonTree.Number(spec, "healthCheckNodePort") is not { } requested)
        {
            var next = _ports.TakeNext(dryRun, Picked(ledger)) ?? throw new ApiError("failed to allocate a nodePort: range is full");
            ledger.Add((_ports, next));
            spec["healthCheckNodePort"] = next;
            return;
        }

        if (requested == held)
        {
            return;
        }

        if (!_ports.Contains((int)requested) || !_ports.TryTake((int)requested, dryRun))
        {
            throw new ApiError(string.Create(CultureInfo.InvariantCulture, $"failed to allocate requested HealthCheck NodePort {requested}: provided port is already allocated"));
        }

        ledger.Add((_ports, (int)requested));
    }

    private IEnumerable<int> Picked(List<(Pool Pool, int Slot)> ledger) => ledger.Where(e => e.Pool == _ports).Select(e => e.Slot);

    private static void SetClusterIp(JsonObject spec, string ip)
    {
        spec["clusterIP"] = ip;
        spec["clusterIPs"] = new JsonArray(ip);
    }

    private IEnumerable<(Pool Pool, int Slot)> Held(JsonObject? spec)
    {
        if (ServiceShape.NeedsClusterIp(spec))
        {
            foreach (var ip in ServiceShape.ClusterIps(spec))
            {
                if (IpRange.TryParse(ip, out var address) && IpRange.OffsetOf(address) is { } offset)
                {
                    yield return (_ips, (int)offset);
                }
            }
        }

        if (ServiceShape.NeedsNodePorts(spec))
        {
            foreach (var (_, _, nodePort) in ServiceShape.Ports(spec))
            {
                if (nodePort is { } port)
                {
                    yield return (_ports, port);
                }
            }
        }

        if (ServiceShape.NeedsHealthCheck(spec) && JsonTree.Number(spec, "healthCheckNodePort") is { } check)
        {
            yield return (_ports, (int)check);
        }
    }

    private static void FreeAll(IEnumerable<(Pool Pool, int Slot)> slots, bool dryRun)
    {
        if (dryRun)
        {
            return;
        }

        foreach (var (pool, slot) in slots.ToList())
        {
            pool.Free(slot);
        }
    }

    private static ApiError Invalid(ApiResource resource, string name, StatusCause cause) => StatusFactory.Invalid(resource, name, [cause]);
}
