using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>
/// A TCP listener on 127.0.0.1 that forwards every connection to the test engine, optionally terminating TLS with
/// the <see cref="TestPki"/> server certificate and requiring a client certificate from the same CA: a tcp:// (and
/// TLS) Docker engine for tests, made from the local socket.
/// </summary>
internal sealed class EngineProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly EndPoint engine;
    private readonly TestPki? pki;
    private readonly bool requireClientCertificate;
    private readonly Task accepting;
    private int clientCertificates;

    public EngineProxy(Uri engineHost, TestPki? pki = null, bool requireClientCertificate = false)
    {
        engine = engineHost.Scheme == "unix"
            ? new UnixDomainSocketEndPoint(engineHost.LocalPath)
            : new DnsEndPoint(engineHost.Host, engineHost.Port);
        this.pki = pki;
        this.requireClientCertificate = requireClientCertificate;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections presented a client certificate issued by the test CA.</summary>
    public int ClientCertificates => Volatile.Read(ref clientCertificates);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var owned = client;
        using var upstream = new Socket(engine.AddressFamily == AddressFamily.Unix ? AddressFamily.Unix : AddressFamily.InterNetwork, SocketType.Stream, engine.AddressFamily == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp);
        try
        {
            await using var downstream = await AuthenticateAsync(client.GetStream());
            await upstream.ConnectAsync(engine, stopping.Token);
            await using var engineStream = new NetworkStream(upstream, ownsSocket: false);
            await Task.WhenAny(downstream.CopyToAsync(engineStream, stopping.Token), engineStream.CopyToAsync(downstream, stopping.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // A client that gives up, or fails the handshake on purpose, ends its connection; nothing to report.
        }
    }

    private async Task<Stream> AuthenticateAsync(NetworkStream stream)
    {
        if (pki is null)
        {
            return stream;
        }

        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = pki.Server,
                ClientCertificateRequired = requireClientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => !requireClientCertificate || (certificate is not null && pki.IssuedByThisCa(certificate)),
            },
            stopping.Token);
        if (tls.RemoteCertificate is not null)
        {
            Interlocked.Increment(ref clientCertificates);
        }

        return tls;
    }
}
