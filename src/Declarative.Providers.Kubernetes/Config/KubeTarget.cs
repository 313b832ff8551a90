namespace Declarative.Providers.Kubernetes.Config;

/// <summary>A resolved cluster to talk to: where, as whom, and the namespace objects default to.</summary>
public sealed record KubeTarget(Uri Server, string Namespace, string ContextName, KubeTls Tls, KubeCredentials Credentials)
{
    /// <summary>The context name used for in-cluster configuration.</summary>
    public const string InClusterContext = "in-cluster";

    /// <summary>The proxy every request goes through (the cluster's proxy-url, else HTTPS_PROXY/HTTP_PROXY unless
    /// NO_PROXY or a loopback server excludes it); null: direct.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Whom to act as (kubeconfig as/as-groups/as-uid/as-user-extra, or --as/--as-group/--as-uid); null:
    /// the credentials' own user.</summary>
    public KubeImpersonation? Impersonation { get; init; }

    /// <summary>The proxy without its user:password, for messages.</summary>
    public string? ProxyForDisplay => Proxy is null ? null : new UriBuilder(Proxy) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
}
