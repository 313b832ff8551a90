using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>The command line's --as, --as-group (repeatable) and --as-uid. Each given one replaces the kubeconfig
/// user's as, as-groups or as-uid, as kubectl's flags do.</summary>
public sealed record KubeImpersonationOverrides(string? User, ImmutableArray<string> Groups, string? Uid)
{
    public bool IsEmpty => User is null && Groups.IsDefaultOrEmpty && Uid is null;
}
