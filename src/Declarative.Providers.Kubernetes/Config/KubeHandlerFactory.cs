using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Builds the HTTP stack for a target: a SocketsHttpHandler that trusts only the kubeconfig's CA (not the
/// machine's roots) when one is given, checks the server's name against tls-server-name (else the URL host), sends
/// that name as SNI, goes through the target's proxy, presents the client certificate (static or from a credential
/// plugin), under the impersonation headers and a <see cref="KubeAuthHandler"/>.
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
            AutomaticDecompression = DecompressionMethods.All,
            EnableMultipleHttp2Connections = true,
            UseProxy = target.Proxy is not null,
            Proxy = target.Proxy is { } proxy ? new FixedProxy(proxy) : null,
        };
        ConfigureTls(sockets.SslOptions, target.Tls, target.Server, exec);
        if (target.Tls.TlsServerName is { } serverName && target.Server.Scheme == Uri.UriSchemeHttps)
        {
            // SocketsHttpHandler sends the URL's host as SNI whatever SslOptions.TargetHost says; a stream
            // authenticated here (the handler accepts an SslStream from ConnectCallback) carries tls-server-name.
            sockets.ConnectCallback = (context, cancellationToken) => ConnectAsync(context, target.Server, sockets.SslOptions, serverName, cancellationToken);
        }

        HttpMessageHandler inner = new Http2Preference { InnerHandler = sockets };
        if (target.Impersonation is { } impersonation)
        {
            inner = new ImpersonationHandler(impersonation) { InnerHandler = inner };
        }

        return new KubeAuthHandler(target.Credentials, clock, exec) { InnerHandler = inner };
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "ServerCertificateCheck refuses what it must; it accepts any certificate only for insecure-skip-tls-verify, the user's explicit kubeconfig choice, as with kubectl.")]
    private static void ConfigureTls(SslClientAuthenticationOptions ssl, KubeTls tls, Uri server, ExecCredentialSource? exec)
    {
        ssl.RemoteCertificateValidationCallback = new ServerCertificateCheck(tls, server).Validate;
        if (!tls.InsecureSkipTlsVerify && tls.CertificateAuthorityPem is { } caPem)
        {
            // The handshake's own chain check uses the kubeconfig's CA too, so it does not load the machine's roots
            // (70 ms of every run); ServerCertificateCheck still decides.
            ssl.CertificateChainPolicy = CustomRoots(caPem);
        }

        if (tls.ClientCertificatePem is { } certificate && tls.ClientKeyPem is { } key)
        {
            ssl.ClientCertificates = [ClientCertificates.Load(certificate, key)];
        }
        else if (exec is not null)
        {
            ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => ClientCertificates.FromExec(exec.Current);
        }
    }

    /// <summary>A TCP connection; to the API server itself, TLS with <paramref name="serverName"/> as SNI. A
    /// connection to a proxy stays plain: the handler tunnels through it and then does TLS itself, and
    /// <see cref="ServerCertificateCheck"/> still checks tls-server-name then.</summary>
    private static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, Uri server, SslClientAuthenticationOptions template, string serverName, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var network = new NetworkStream(socket, ownsSocket: true);
        if (!ServerCertificateCheck.IsServer(context.DnsEndPoint, server))
        {
            return network;
        }

        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = serverName,
                    ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
                    RemoteCertificateValidationCallback = template.RemoteCertificateValidationCallback,
                    CertificateChainPolicy = template.CertificateChainPolicy,
                    ClientCertificates = template.ClientCertificates,
                    LocalCertificateSelectionCallback = template.LocalCertificateSelectionCallback,
                },
                cancellationToken);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    private static X509ChainPolicy CustomRoots(string pem)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(pem);
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }
}
