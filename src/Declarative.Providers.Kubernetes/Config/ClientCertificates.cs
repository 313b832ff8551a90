using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Turns PEM client certificates and keys (RSA, EC, PKCS#1, SEC1 or PKCS#8) into certificates the TLS
/// stack can present.</summary>
internal static class ClientCertificates
{
    public static X509Certificate2 Load(string certificatePem, string keyPem)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            // A PKCS#12 round trip makes the key usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"The client certificate or key is not valid PEM, or they do not match: {ex.Message} Check client-certificate(-data) and client-key(-data).", ex);
        }
    }

    public static X509Certificate2? FromExec(ExecCredential? credential) =>
        credential is { ClientCertificatePem: { } certificate, ClientKeyPem: { } key } ? Load(certificate, key) : null;
}
