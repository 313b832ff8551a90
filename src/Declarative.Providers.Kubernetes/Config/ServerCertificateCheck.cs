using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Decides whether the API server's certificate is acceptable, as client-go does: it must chain to the kubeconfig's
/// CA when one is given (else to the machine's roots) and carry the expected name: tls-server-name when set, else the
/// server URL's host. The name is checked here rather than by the platform because SocketsHttpHandler checks the
/// URL's host whatever SslOptions.TargetHost says. A refusal throws <see cref="KubeTlsException"/> with the reason.
/// </summary>
internal sealed class ServerCertificateCheck
{
    private readonly KubeTls _tls;
    private readonly string _expectedName;
    private readonly X509Certificate2Collection? _roots;

    public ServerCertificateCheck(KubeTls tls, Uri server)
    {
        _tls = tls;
        _expectedName = tls.TlsServerName ?? server.IdnHost;
        if (tls.CertificateAuthorityPem is { } pem)
        {
            _roots = [];
            _roots.ImportFromPem(pem);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "insecure-skip-tls-verify is the user's explicit kubeconfig choice, as with kubectl.")]
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_tls.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            throw new KubeTlsException("The server presented no certificate.");
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var trusted = _roots is null
            ? (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0
            : ChainsTo(_roots, leaf, chain);
        if (!trusted)
        {
            throw new KubeTlsException(_roots is null
                ? $"The server's certificate (subject \"{leaf.Subject}\") is not trusted by this machine. Set certificate-authority(-data) in the kubeconfig cluster to the CA that signed it."
                : $"The server's certificate (subject \"{leaf.Subject}\") is not signed by the kubeconfig's certificate authority. Fix certificate-authority(-data) in the kubeconfig cluster.");
        }

        if (!leaf.MatchesHostname(_expectedName, allowWildcards: true, allowCommonName: false))
        {
            var source = _tls.TlsServerName is null ? "the server URL's host" : "the cluster's tls-server-name";
            throw new KubeTlsException(
                $"The server's certificate is valid for {Names(leaf)}, not for \"{_expectedName}\" ({source}). Set tls-server-name in the kubeconfig cluster to one of the certificate's names, or fix the server URL.");
        }

        return true;
    }

    private static bool ChainsTo(X509Certificate2Collection roots, X509Certificate2 leaf, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }

    private static string Names(X509Certificate2 leaf)
    {
        var extension = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = extension is null
            ? []
            : extension.EnumerateDnsNames().Concat(extension.EnumerateIPAddresses().Select(ip => ip.ToString())).Select(n => $"\"{n}\"").ToList();
        return names.Count == 0 ? "no names at all" : string.Join(", ", names);
    }

    /// <summary>Whether <paramref name="endPoint"/> is the API server itself rather than a proxy on the way.</summary>
    public static bool IsServer(DnsEndPoint endPoint, Uri server) =>
        string.Equals(endPoint.Host, server.IdnHost, StringComparison.OrdinalIgnoreCase) && endPoint.Port == server.Port;
}
