using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>A throwaway CA with a server certificate for "localhost" (DNS name only) and a client certificate, as
/// the PEM files DOCKER_CERT_PATH expects.</summary>
internal sealed class TestPki : IDisposable
{
    private readonly ECDsa clientKey;

    private TestPki(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, ECDsa clientKey)
    {
        Ca = ca;
        Server = server;
        Client = client;
        this.clientKey = clientKey;
    }

    public X509Certificate2 Ca { get; }

    /// <summary>The server certificate with its key, for SslStream.</summary>
    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public static TestPki Create()
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Declarative test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = Leaf("CN=localhost", serverKey, "1.3.6.1.5.5.7.3.1");
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        using var serverPublic = serverRequest.Create(ca, notBefore, notAfter, [1]);
        using var serverWithKey = serverPublic.CopyWithPrivateKey(serverKey);
        // SslStream on Linux wants a key it can export; a PKCS#12 round trip gives one.
        var server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null);

        var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var client = Leaf("CN=declarative client", clientKey, "1.3.6.1.5.5.7.3.2").Create(ca, notBefore, notAfter, [2]);
        return new TestPki(ca, server, client, clientKey);
    }

    /// <summary>Writes ca.pem, cert.pem and key.pem into <paramref name="folder"/>.</summary>
    public void WriteClientFiles(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "ca.pem"), Ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "cert.pem"), Client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), clientKey.ExportPkcs8PrivateKeyPem());
    }

    public bool IssuedByThisCa(X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        clientKey.Dispose();
    }

    private static CertificateRequest Leaf(string subject, ECDsa key, string usage)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request;
    }
}
