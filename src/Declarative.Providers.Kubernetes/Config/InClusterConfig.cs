namespace Declarative.Providers.Kubernetes.Config;

/// <summary>The service account configuration of a pod (reference 1.3): KUBERNETES_SERVICE_HOST/PORT, the token
/// (kept as a file, re-read), ca.crt and the namespace file.</summary>
public static class InClusterConfig
{
    /// <summary>The target, or null when the process does not run inside a cluster.</summary>
    public static KubeTarget? TryLoad(KubeconfigLoadOptions options)
    {
        var host = options.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = options.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            return null;
        }

        var tokenFile = Path.Combine(options.InClusterRoot, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubeConfigException($"Running inside a cluster but the service account token {tokenFile} is missing. Mount a service account token or provide a kubeconfig.");
        }

        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        var caFile = Path.Combine(options.InClusterRoot, "ca.crt");
        var ca = File.Exists(caFile) ? File.ReadAllText(caFile) : null;
        return new KubeTarget(
            new Uri("https://" + authority),
            Namespace(options),
            KubeTarget.InClusterContext,
            new KubeTls(ca),
            new KubeCredentials(TokenFile: tokenFile));
    }

    private static string Namespace(KubeconfigLoadOptions options)
    {
        if (options.Namespace is { } chosen)
        {
            return chosen;
        }

        if (options.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } podNamespace)
        {
            return podNamespace;
        }

        var file = Path.Combine(options.InClusterRoot, "namespace");
        var text = File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
        return text.Length > 0 ? text : "default";
    }
}
