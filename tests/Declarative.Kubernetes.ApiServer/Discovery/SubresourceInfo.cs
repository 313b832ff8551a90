using System.Collections.Immutable;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>What a subresource answers with and allows (reference 2.1): scale is autoscaling/v1 Scale, the others
/// answer the parent's kind.</summary>
public sealed record SubresourceInfo(string Name, string Group, string Version, string Kind, ImmutableArray<string> Verbs)
{
    private static readonly ImmutableArray<string> ReadWrite = ["get", "patch", "update"];

    public static SubresourceInfo Of(ApiResource parent, string subresource) => subresource switch
    {
        "scale" => new(subresource, "autoscaling", "v1", "Scale", ReadWrite),
        "finalize" => new(subresource, parent.Group, parent.Version, parent.Kind, ["update"]),
        _ => new(subresource, parent.Group, parent.Version, parent.Kind, ReadWrite),
    };

    public static IEnumerable<SubresourceInfo> All(ApiResource parent) =>
        parent.Subresources.Order(StringComparer.Ordinal).Select(s => Of(parent, s));
}
