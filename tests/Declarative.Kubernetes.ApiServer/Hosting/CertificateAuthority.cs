using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// The double's own CA, made at start: it signs the serving certificate (SANs IP 127.0.0.1 and DNS localhost)
/// and the client certificates tests ask for, and it is the only root client certificates are checked against.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ECDsa _key;
    private readonly TimeProvider _clock;

    private CertificateAuthority(ECDsa key, X509Certificate2 certificate, TimeProvider clock)
    {
        _key = key;
        Certificate = certificate;
        _clock = clock;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    public static CertificateAuthority Create(string commonName, TimeProvider clock)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        var self = request.CreateSelfSigned(now.AddHours(-1), now.Add(Lifetime));
        var certificate = X509CertificateLoader.LoadCertificate(self.RawData);
        self.Dispose();
        return new CertificateAuthority(key, certificate, clock);
    }

    /// <summary>The serving certificate with its private key, for <paramref name="dnsNames"/> only when given, else
    /// for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 IssueServingCertificate(IReadOnlyList<string> dnsNames)
    {
        var names = new SubjectAlternativeNameBuilder();
        if (dnsNames.Count == 0)
        {
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
        }

        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        return Issue("CN=kube-apiserver", ServerAuth, names.Build());
    }

    /// <summary>A client certificate for <paramref name="user"/> (CN) in <paramref name="groups"/> (O), as
    /// the API server's x509 authenticator reads them.</summary>
    public ClientCertificatePem IssueClientCertificate(string user, IEnumerable<string> groups)
    {
        var subject = string.Join(", ", groups.Select(g => $"O={g}").Prepend($"CN={user}"));
        using var issued = Issue(subject, ClientAuth, null);
        using var key = issued.GetECDsaPrivateKey()!;
        return new ClientCertificatePem(issued.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>Whether <paramref name="certificate"/> chains to this CA and may be used for <paramref name="usage"/>.</summary>
    public bool Signed(X509Certificate2 certificate, CertificateUsage usage)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new(usage == CertificateUsage.Server ? ServerAuth : ClientAuth));
        return chain.Build(certificate) && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(Certificate.RawData);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private X509Certificate2 Issue(string subject, string usage, X509Extension? alternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        var now = _clock.GetUtcNow();
        var signer = X509SignatureGenerator.CreateForECDsa(_key);
        using var issued = request.Create(Certificate.SubjectName, signer, now.AddHours(-1), now.Add(Lifetime), SerialNumber());
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive, as Go's x509 parser insists
        serial[0] |= 0x01;
        return serial;
    }
}
