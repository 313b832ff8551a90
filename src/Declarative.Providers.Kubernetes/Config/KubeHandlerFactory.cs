using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Builds the HTTP stack for a target: a SocketsHttpHandler that trusts only the kubeconfig's CA (not the
/// machine's roots) when one is given, verifies tls-server-name instead of the URL host when set, presents the
/// client certificate (static or from a credential plugin), under a <see cref="KubeAuthHandler"/>.
/// </summary>
public static class KubeHandlerFactory
{
    public static KubeAuthHandler Create(KubeTarget target, TimeProvider clock)
    {
        var exec = target.Credentials.Exec is { } config ? new ExecCredentialSource(config, clock) : null;
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            EnableMultipleHttp2Connections = true,
        };
        sockets.SslOptions.RemoteCertificateValidationCallback = ServerValidator(target.Tls);
        if (!target.Tls.InsecureSkipTlsVerify && target.Tls.CertificateAuthorityPem is { } caPem)
        {
            // The handshake's own chain check uses the kubeconfig's CA too, so it does not load the machine's roots
            // (70 ms of every run); ServerValidator still decides.
            sockets.SslOptions.CertificateChainPolicy = CustomRoots(caPem);
        }
        if (target.Tls.TlsServerName is { } serverName)
        {
            sockets.SslOptions.TargetHost = serverName;
        }

        if (target.Tls.ClientCertificatePem is { } certificate && target.Tls.ClientKeyPem is { } key)
        {
            sockets.SslOptions.ClientCertificates = [ClientCertificates.Load(certificate, key)];
        }
        else if (exec is not null)
        {
            sockets.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => ClientCertificates.FromExec(exec.Current);
        }

        return new KubeAuthHandler(target.Credentials, clock, exec) { InnerHandler = new Http2Preference { InnerHandler = sockets } };
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "insecure-skip-tls-verify is the user's explicit kubeconfig choice, as with kubectl.")]
    private static RemoteCertificateValidationCallback ServerValidator(KubeTls tls)
    {
        if (tls.InsecureSkipTlsVerify)
        {
            return (_, _, _, _) => true;
        }

        if (tls.CertificateAuthorityPem is not { } pem)
        {
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(pem);
        return (_, certificate, chain, errors) => ChainsTo(roots, certificate, chain, errors);
    }

    private static X509ChainPolicy CustomRoots(string pem)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(pem);
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }

    private static bool ChainsTo(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

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

        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
