using System.Text;
using System.Text.Json;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>Writes the kubeconfig (reference 1.1) that reaches a running double: CA data, server, and the
/// token or a client certificate, in one context that is also the current one.</summary>
internal static class Kubeconfig
{
    public static string Render(string server, string caPem, string contextName, string? ns, string userYaml)
    {
        var text = new StringBuilder()
            .Append("apiVersion: v1\nkind: Config\npreferences: {}\n")
            .Append("clusters:\n- name: ").Append(contextName).Append('\n')
            .Append("  cluster:\n    certificate-authority-data: ").Append(Base64(caPem)).Append('\n')
            .Append("    server: ").Append(server).Append('\n')
            .Append("users:\n- name: ").Append(contextName).Append('\n')
            .Append("  user:\n").Append(userYaml)
            .Append("contexts:\n- name: ").Append(contextName).Append('\n')
            .Append("  context:\n    cluster: ").Append(contextName).Append('\n')
            .Append("    user: ").Append(contextName).Append('\n');
        if (ns is not null)
        {
            text.Append("    namespace: ").Append(ns).Append('\n');
        }

        return text.Append("current-context: ").Append(contextName).Append('\n').ToString();
    }

    public static string TokenUser(string token) => $"    token: {JsonSerializer.Serialize(token)}\n";

    public static string CertificateUser(ClientCertificatePem certificate) =>
        $"    client-certificate-data: {Base64(certificate.CertificatePem)}\n    client-key-data: {Base64(certificate.KeyPem)}\n";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
