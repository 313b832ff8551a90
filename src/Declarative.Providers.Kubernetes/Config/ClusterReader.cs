using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Reads a kubeconfig cluster entry: server, CA (data wins over file), insecure flag, tls-server-name.</summary>
internal static class ClusterReader
{
    public static Uri Server(JsonObject cluster, string name)
    {
        var server = KubeconfigLoader.Text(cluster, "server")
            ?? throw new KubeConfigException($"Cluster \"{name}\" has no server. Set clusters[].cluster.server in the kubeconfig.");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubeConfigException($"Cluster \"{name}\" has server \"{server}\", which is not an http(s) URL. Fix clusters[].cluster.server in the kubeconfig.");
        }

        return uri;
    }

    public static KubeTls Tls(JsonObject cluster, string name)
    {
        var insecure = Flag(cluster["insecure-skip-tls-verify"]);
        var ca = CertificateAuthority(cluster, name);
        if (insecure && ca is not null)
        {
            throw new KubeConfigException($"Cluster \"{name}\" sets both a certificate authority and insecure-skip-tls-verify. Remove one of them.");
        }

        return new KubeTls(ca, insecure, KubeconfigLoader.Text(cluster, "tls-server-name"));
    }

    /// <summary>spec.cluster for exec plugins with provideClusterInfo (reference 1.4).</summary>
    public static JsonObject ExecInfo(JsonObject cluster, Uri server, KubeTls tls)
    {
        var info = new JsonObject { ["server"] = server.OriginalString };
        if (tls.TlsServerName is { } serverName)
        {
            info["tls-server-name"] = serverName;
        }

        if (tls.InsecureSkipTlsVerify)
        {
            info["insecure-skip-tls-verify"] = true;
        }

        if (KubeconfigLoader.Text(cluster, "proxy-url") is { } proxyUrl)
        {
            info["proxy-url"] = proxyUrl;
        }

        if (tls.CertificateAuthorityPem is { } ca)
        {
            info["certificate-authority-data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(ca));
        }

        var extension = (cluster["extensions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(e => KubeconfigLoader.Text(e, "name") == "client.authentication.k8s.io/exec");
        if (extension?["extension"] is { } config)
        {
            info["config"] = config.DeepClone();
        }

        return info;
    }

    internal static bool Flag(JsonNode? node) =>
        KubeconfigFile.NonEmpty(node) is { } text && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    private static string? CertificateAuthority(JsonObject cluster, string name)
    {
        if (KubeconfigLoader.Text(cluster, "certificate-authority-data") is { } data)
        {
            return Base64Pem(data, $"cluster \"{name}\" certificate-authority-data");
        }

        return KubeconfigLoader.Text(cluster, "certificate-authority") is { } path
            ? ReadPem(path, $"cluster \"{name}\" certificate-authority")
            : null;
    }

    internal static string Base64Pem(string data, string what)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }
        catch (FormatException ex)
        {
            throw new KubeConfigException($"The {what} is not valid base64. Re-encode the PEM with base64 in the kubeconfig.", ex);
        }
    }

    internal static string ReadPem(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"Cannot read the file {path} given as {what}: {ex.Message} Check the path and its permissions.", ex);
        }
    }
}
