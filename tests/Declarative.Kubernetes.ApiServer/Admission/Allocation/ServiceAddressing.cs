using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Allocation;

/// <summary>
/// The address fields around allocation (kubernetes pkg/registry/core/service/storage alloc.go and strategy):
/// clusterIP and clusterIPs kept in step, IP families of a single-stack IPv4 cluster, and on update the
/// allocated values an update omits, kept, or dropped when the type no longer needs them.
/// </summary>
internal static class ServiceAddressing
{
    /// <summary>clusterIPs from clusterIP when only that is given, and the other way round.</summary>
    public static void Normalize(JsonObject spec)
    {
        if (!ServiceShape.NeedsClusterIp(spec))
        {
            return;
        }

        var ips = ServiceShape.ClusterIps(spec);
        if (ips.Count > 0)
        {
            JsonTree.Default(spec, "clusterIP", ips[0]);
            if (spec["clusterIPs"] is not JsonArray { Count: > 0 })
            {
                spec["clusterIPs"] = new JsonArray(ips[0]);
            }
        }
    }

    /// <summary>Families once the address is known: headless Services without a selector may take every family
    /// of the cluster, so they get RequireDualStack (alloc.go).</summary>
    public static void SetFamilies(JsonObject spec)
    {
        if (!ServiceShape.NeedsClusterIp(spec))
        {
            return;
        }

        var selectorless = JsonTree.Existing(spec, "selector") is not { Count: > 0 };
        JsonTree.Default(spec, "ipFamilyPolicy", ServiceShape.IsHeadless(spec) && selectorless ? "RequireDualStack" : "SingleStack");
        JsonTree.Default(spec, "ipFamilies", new JsonArray("IPv4"));
    }

    /// <summary>What an update of a Service keeps from the stored one: dropTypeDependentFields, then
    /// patchAllocatedValues (node ports matched by port name).</summary>
    public static void CarryOver(JsonObject oldSpec, JsonObject spec)
    {
        DropTypeDependentFields(oldSpec, spec);
        if (ServiceShape.NeedsClusterIp(oldSpec) && ServiceShape.NeedsClusterIp(spec))
        {
            JsonTree.Default(spec, "clusterIP", JsonTree.Text(oldSpec, "clusterIP") ?? string.Empty);
            var oldIps = ServiceShape.ClusterIps(oldSpec);
            if (spec["clusterIPs"] is not JsonArray { Count: > 0 } && oldIps.Count > 0 && JsonTree.Text(spec, "clusterIP") == oldIps[0])
            {
                spec["clusterIPs"] = oldSpec["clusterIPs"]?.DeepClone();
            }

            CopyIfAbsent(oldSpec, spec, "ipFamilies");
            CopyIfAbsent(oldSpec, spec, "ipFamilyPolicy");
        }

        if (ServiceShape.NeedsNodePorts(oldSpec) && ServiceShape.NeedsNodePorts(spec))
        {
            var used = ServiceShape.Ports(spec).Select(p => p.NodePort).OfType<int>().ToHashSet();
            var byName = ServiceShape.Ports(oldSpec).Where(p => p.NodePort is not null)
                .GroupBy(p => JsonTree.Text(p.Port, "name") ?? string.Empty).ToDictionary(g => g.Key, g => g.Last().NodePort!.Value);
            foreach (var (port, _, nodePort) in ServiceShape.Ports(spec))
            {
                if (nodePort is null && byName.TryGetValue(JsonTree.Text(port, "name") ?? string.Empty, out var old) && !used.Contains(old))
                {
                    port["nodePort"] = old;
                }
            }
        }

        if (ServiceShape.NeedsHealthCheck(oldSpec) && ServiceShape.NeedsHealthCheck(spec))
        {
            CopyIfAbsent(oldSpec, spec, "healthCheckNodePort");
        }
    }

    /// <summary>validateServiceClusterIPsRelatedFieldsOnUpdate: the cluster IPs may not change once set.</summary>
    public static IEnumerable<StatusCause> ImmutabilityCauses(JsonObject oldSpec, JsonObject spec)
    {
        if (!ServiceShape.NeedsClusterIp(oldSpec) || !ServiceShape.NeedsClusterIp(spec))
        {
            yield break;
        }

        var oldIps = ServiceShape.ClusterIps(oldSpec);
        var newIps = ServiceShape.ClusterIps(spec);
        if (oldIps.Count > 0 && newIps.Count == 0)
        {
            yield return StatusCause.InvalidValue("spec.clusterIPs[0]", "[]", "primary clusterIP can not be unset");
        }
        else if (oldIps.Count > 0 && oldIps[0] != newIps[0])
        {
            yield return StatusCause.InvalidValue("spec.clusterIPs[0]", ValueText.Render(newIps), "may not change once set");
        }
        else if (oldIps.Count > 0 && JsonTree.Text(spec, "clusterIP") is { Length: > 0 } ip && ip != oldIps[0])
        {
            // An apply that sets only clusterIP leaves the stored clusterIPs beside it: the two disagree.
            yield return StatusCause.InvalidValue("spec.clusterIPs[0]", ValueText.Render(new[] { ip }), "may not change once set");
        }
    }

    private static void DropTypeDependentFields(JsonObject oldSpec, JsonObject spec)
    {
        if (ServiceShape.NeedsClusterIp(oldSpec) && !ServiceShape.NeedsClusterIp(spec)
            && ServiceShape.ClusterIps(oldSpec).SequenceEqual(ServiceShape.ClusterIps(spec)))
        {
            foreach (var key in new[] { "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy" })
            {
                spec.Remove(key);
            }
        }

        if (ServiceShape.NeedsNodePorts(oldSpec) && !ServiceShape.NeedsNodePorts(spec)
            && ServiceShape.Ports(oldSpec).Select(p => p.NodePort).SequenceEqual(ServiceShape.Ports(spec).Select(p => p.NodePort)))
        {
            foreach (var (port, _, _) in ServiceShape.Ports(spec))
            {
                port.Remove("nodePort");
            }
        }

        if (ServiceShape.NeedsHealthCheck(oldSpec) && !ServiceShape.NeedsHealthCheck(spec)
            && JsonTree.Number(oldSpec, "healthCheckNodePort") == JsonTree.Number(spec, "healthCheckNodePort"))
        {
            spec.Remove("healthCheckNodePort");
        }
    }

    private static void CopyIfAbsent(JsonObject from, JsonObject to, string key)
    {
        if (from[key] is { } value)
        {
            JsonTree.Default(to, key, value.DeepClone());
        }
    }
}
