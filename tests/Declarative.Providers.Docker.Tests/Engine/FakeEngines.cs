using System.Net;
using System.Net.Sockets;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>Things at an engine's address that are not a working engine.</summary>
internal static class FakeEngines
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A unix socket that accepts connections (the kernel's backlog does) but never answers.</summary>
internal sealed class SilentSocket : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public SilentSocket()
    {
        Path = folder.PathOf("silent.sock");
        socket.Bind(new UnixDomainSocketEndPoint(Path));
        socket.Listen(16);
    }

    public string Path { get; }

    public void Dispose()
    {
        socket.Dispose();
        folder.Dispose();
    }
}

/// <summary>An HTTP server on loopback that answers every request with 404 and no Docker headers.</summary>
internal sealed class NotDockerServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public NotDockerServer()
    {
        listener.Start();
        serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, stopping.Token);
                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stopping.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }
}
