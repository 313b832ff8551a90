using System.Net.Sockets;
using System.Text;

namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>
/// A fact that needs the Docker engine at DOCKER_HOST (and the test registries next to it). Skipped with a clear
/// message when no engine answers /_ping there, except on CI (CI=true), where a missing engine must fail the run.
/// </summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        var host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } value ? value : "unix:///var/run/docker.sock";
        if (!EngineAnswers(host))
        {
            Skip = $"No Docker engine answers at {host}: set DOCKER_HOST to a running engine (with registries on 127.0.0.1:5000 and 127.0.0.1:5001) to run the registry integration tests.";
        }
    }

    private static bool EngineAnswers(string host)
    {
        try
        {
            using var socket = Connect(host);
            if (socket is null)
            {
                return false;
            }

            socket.ReceiveTimeout = 2000;
            socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
            var buffer = new byte[256];
            var read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Socket? Connect(string host)
    {
        if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(host["unix://".Length..]));
            return socket;
        }

        if (host.StartsWith("tcp://", StringComparison.Ordinal) && Uri.TryCreate("http://" + host["tcp://".Length..], UriKind.Absolute, out var uri))
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var connected = socket.ConnectAsync(uri.Host, uri.Port).Wait(TimeSpan.FromSeconds(2));
            if (!connected)
            {
                socket.Dispose();
                return null;
            }

            return socket;
        }

        return null;
    }
}
