namespace Declarative.Providers.Kubernetes.Config;

/// <summary>A resolved cluster to talk to: where, as whom, and the namespace objects default to.</summary>
public sealed record KubeTarget(Uri Server, string Namespace, string ContextName, KubeTls Tls, KubeCredentials Credentials)
{
    /// <summary>The context name used for in-cluster configuration.</summary>
    public const string InClusterContext = "in-cluster";
}
