using System.Net;
using System.Net.Sockets;

namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>
/// A fact that needs a Docker engine answering at $DOCKER_HOST (unix:// or tcp://); skipped with the reason when
/// the variable is unset or nothing answers there.
/// </summary>
public sealed class DockerEngineFactAttribute : FactAttribute
{
    public DockerEngineFactAttribute()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(host))
        {
            Skip = "DOCKER_HOST is not set; set it to a Docker engine (e.g. unix:///tmp/dk/docker.sock) to run this test.";
        }
        else if (!Answers(host))
        {
            Skip = $"No Docker engine answers at DOCKER_HOST={host}.";
        }
    }

    public static Uri Endpoint => new(Environment.GetEnvironmentVariable("DOCKER_HOST")!);

    private static bool Answers(string host)
    {
        try
        {
            var uri = new Uri(host);
            using var socket = uri.Scheme == "unix"
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            EndPoint endpoint = uri.Scheme == "unix" ? new UnixDomainSocketEndPoint(uri.AbsolutePath) : new DnsEndPoint(uri.Host, uri.Port);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            socket.ConnectAsync(endpoint, timeout.Token).AsTask().GetAwaiter().GetResult();
            socket.Send("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8);
            var buffer = new byte[12];
            var read = socket.ReceiveAsync(buffer, timeout.Token).AsTask().GetAwaiter().GetResult();
            return read >= 12 && System.Text.Encoding.ASCII.GetString(buffer).StartsWith("HTTP/1.", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or UriFormatException or IOException)
        {
            return false;
        }
    }
}
