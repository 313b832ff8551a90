using System.Collections.Immutable;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Discovery;

/// <summary>What discovery knows: the resources of each group/version it has seen. <see cref="Complete"/> when it
/// came from aggregated discovery (every group/version); legacy discovery fills group/versions one at a time.</summary>
public sealed record DiscoverySnapshot(ImmutableDictionary<string, ImmutableArray<KubeResource>> GroupVersions, bool Complete)
{
    public static DiscoverySnapshot Empty { get; } = new(ImmutableDictionary<string, ImmutableArray<KubeResource>>.Empty, false);

    public bool Knows(string apiVersion) => Complete || GroupVersions.ContainsKey(apiVersion);

    public KubeResource? Find(string apiVersion, string kind) =>
        GroupVersions.TryGetValue(apiVersion, out var resources)
            ? resources.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.Ordinal))
            : null;

    public DiscoverySnapshot With(string apiVersion, ImmutableArray<KubeResource> resources) =>
        this with { GroupVersions = GroupVersions.SetItem(apiVersion, resources) };
}
