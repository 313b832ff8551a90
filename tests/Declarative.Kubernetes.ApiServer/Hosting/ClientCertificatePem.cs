using System.Security.Cryptography.X509Certificates;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>A client certificate and its private key as PEM text, the way kubeconfig's
/// client-certificate-data and client-key-data carry them (base64 of these).</summary>
public sealed record ClientCertificatePem(string CertificatePem, string KeyPem)
{
    /// <summary>The certificate with its key, ready for an HttpClient handler.</summary>
    public X509Certificate2 ToCertificate()
    {
        using var ephemeral = X509Certificate2.CreateFromPem(CertificatePem, KeyPem);
        // Round-trip through PKCS#12 so the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
