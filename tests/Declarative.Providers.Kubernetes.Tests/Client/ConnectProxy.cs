using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>A minimal HTTP CONNECT proxy on loopback that counts the tunnels it opened and what they were to, so a
/// test can see that a client really went through it.</summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _targets = [];
    private readonly IReadOnlyDictionary<string, string> _hosts;

    /// <param name="hosts">Host names the proxy resolves itself (to an address), as a proxy with its own DNS does.</param>
    public ConnectProxy(IReadOnlyDictionary<string, string>? hosts = null)
    {
        _hosts = hosts ?? new Dictionary<string, string>();
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The host:port of every tunnel opened so far.</summary>
    public IReadOnlyList<string> Tunnels
    {
        get
        {
            lock (_targets)
            {
                return [.. _targets];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping ends the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = TunnelAsync(client);
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var parts = head.Split(' ', 3);
                if (parts is not ["CONNECT", var target, _])
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"), _stop.Token);
                    return;
                }

                var colon = target.LastIndexOf(':');
                var host = target[..colon].Trim('[', ']');
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(_hosts.GetValueOrDefault(host, host), int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                lock (_targets)
                {
                    _targets.Add(target);
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"), _stop.Token);
                var server = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(server, _stop.Token), server.CopyToAsync(stream, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A closed tunnel ends here.
            }
        }
    }

    /// <summary>The request line, after reading the whole request head byte by byte (nothing of the tunnel's
    /// first bytes is consumed).</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("The client closed the connection before the end of its request.");
            }

            head.Append((char)one[0]);
        }

        return head.ToString()[..head.ToString().IndexOf('\r', StringComparison.Ordinal)];
    }
}
