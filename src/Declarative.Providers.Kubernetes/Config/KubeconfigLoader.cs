using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Resolves the cluster to talk to from kubeconfig files (reference 1.2) or, when there are none, from the
/// in-cluster service account (reference 1.3). Every failure is a <see cref="KubeConfigException"/> whose message
/// names the file, context or field at fault and says what to do.
/// </summary>
public static class KubeconfigLoader
{
    public static KubeTarget Load(KubeconfigLoadOptions options)
    {
        var merged = MergedKubeconfig.Merge(ReadFiles(options));
        if (merged.IsEmpty && options.ExplicitPath is null && InClusterConfig.TryLoad(options) is { } inCluster)
        {
            return inCluster with
            {
                Proxy = ProxyReader.FromEnvironment(inCluster.Server, options.GetEnvironmentVariable),
                Impersonation = ImpersonationReader.Read([], string.Empty, options.Impersonation),
            };
        }

        return Resolve(merged, options);
    }

    /// <summary>The files that make up the configuration, in merge order.</summary>
    public static IReadOnlyList<KubeconfigFile> ReadFiles(KubeconfigLoadOptions options)
    {
        if (options.ExplicitPath is { } path)
        {
            if (!File.Exists(path))
            {
                throw new KubeConfigException($"The kubeconfig file {path} does not exist. Check the --kubeconfig path.");
            }

            return [KubeconfigFile.Read(path)];
        }

        var paths = options.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            : [Path.Combine(options.HomeDirectory, ".kube", "config")];
        return [.. paths.Where(File.Exists).Select(KubeconfigFile.Read)];
    }

    public static KubeTarget Resolve(MergedKubeconfig config, KubeconfigLoadOptions options)
    {
        if (config.Paths.IsEmpty)
        {
            throw new KubeConfigException(
                "No kubeconfig file was found and this is not running inside a cluster. Set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config.");
        }

        var contextName = options.Context ?? options.EnvironmentContext ?? config.CurrentContext
            ?? throw new KubeConfigException(
                $"The kubeconfig ({Files(config)}) has no current-context and no context was chosen. Pass --context with one of: {Names(config.Contexts.Keys)}.");
        if (!config.Contexts.TryGetValue(contextName, out var context))
        {
            throw new KubeConfigException(
                $"The kubeconfig ({Files(config)}) has no context \"{contextName}\". Available contexts: {Names(config.Contexts.Keys)}. Pass --context with one of them or fix the environment's context.");
        }

        var clusterName = Text(context, "cluster") ?? string.Empty;
        if (!config.Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubeConfigException($"Context \"{contextName}\" names cluster \"{clusterName}\", which the kubeconfig ({Files(config)}) does not define. Add the cluster or fix the context.");
        }

        var userName = Text(context, "user");
        JsonObject user = [];
        if (userName is not null && !config.Users.TryGetValue(userName, out user!))
        {
            throw new KubeConfigException($"Context \"{contextName}\" names user \"{userName}\", which the kubeconfig ({Files(config)}) does not define. Add the user or fix the context.");
        }

        var server = ClusterReader.Server(cluster, clusterName);
        var tls = ClusterReader.Tls(cluster, clusterName);
        tls = UserReader.WithClientCertificate(tls, user, userName ?? string.Empty);
        var credentials = UserReader.Credentials(user, userName ?? string.Empty, ClusterReader.ExecInfo(cluster, server, tls));
        var ns = options.Namespace ?? Text(context, "namespace") ?? "default";
        return new KubeTarget(server, ns, contextName, tls, credentials)
        {
            // kubectl ignores HTTPS_PROXY when the cluster names its own proxy.
            Proxy = ProxyReader.ProxyUrl(Text(cluster, "proxy-url"), clusterName) ?? ProxyReader.FromEnvironment(server, options.GetEnvironmentVariable),
            Impersonation = ImpersonationReader.Read(user, userName ?? string.Empty, options.Impersonation),
        };
    }

    internal static string? Text(JsonObject obj, string key) => KubeconfigFile.NonEmpty(obj[key]);

    private static string Files(MergedKubeconfig config) => string.Join(", ", config.Paths);

    private static string Names(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none)" : string.Join(", ", sorted);
    }
}
