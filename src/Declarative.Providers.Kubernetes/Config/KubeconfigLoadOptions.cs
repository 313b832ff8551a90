namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Where the kubeconfig comes from and which context to use. <see cref="ExplicitPath"/> (--kubeconfig) wins over
/// the KUBECONFIG list, which wins over ~/.kube/config. Context: <see cref="Context"/> (--context) &gt;
/// <see cref="EnvironmentContext"/> (the project environment's context) &gt; current-context.
/// The environment and file-system roots are injectable so tests never read the real machine's settings.
/// </summary>
public sealed record KubeconfigLoadOptions
{
    public const string ServiceAccountRoot = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string? ExplicitPath { get; init; }

    public string? Context { get; init; }

    public string? EnvironmentContext { get; init; }

    /// <summary>Overrides the context's namespace (--namespace).</summary>
    public string? Namespace { get; init; }

    /// <summary>--as, --as-group and --as-uid: replace the kubeconfig user's impersonation fields.</summary>
    public KubeImpersonationOverrides? Impersonation { get; init; }

    /// <summary>Reads an environment variable (KUBECONFIG, KUBERNETES_SERVICE_HOST...).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Where the in-cluster service account token, ca.crt and namespace live.</summary>
    public string InClusterRoot { get; init; } = ServiceAccountRoot;

    public static KubeconfigLoadOptions Default { get; } = new();
}
