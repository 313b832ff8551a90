using System.Net.Sockets;
using System.Security.Authentication;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Asks the engine for its newest API version with GET /_ping (unversioned; the answer's API-Version header), under
/// a short timeout, and turns every way of not answering into one <see cref="DockerConnectionException"/> that names
/// the address, where it came from and what to check. Docker.DotNet does not negotiate versions itself.
/// </summary>
internal static class EngineProbe
{
    /// <summary>What the Go client assumes when an engine's ping has no API-Version (moby client/client.go).</summary>
    private static readonly Version VersionWithoutHeader = new(1, 24);

    private const string DaemonAdvice = "Is the Docker daemon running? Set DOCKER_HOST or the environment's docker.host in declarative.yaml.";

    public static async Task<Version> ReadApiVersionAsync(DockerEndpoint endpoint, Uri host, EngineTls? tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var handler = EngineHttpHandler.Create(host, tls);
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var ping = new Uri(EngineHttpHandler.BaseAddress(host, tls is not null), "_ping");
            using var response = await http.GetAsync(ping, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.Headers.TryGetValues("API-Version", out var values) && Version.TryParse(values.FirstOrDefault(), out var version))
            {
                return version;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Unreachable(endpoint, $"it answered GET /_ping with HTTP {(int)response.StatusCode} and no API-Version, so it is not a Docker engine",
                    tls is null && host.Scheme == "tcp"
                        ? "If that port expects TLS, set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH; otherwise set DOCKER_HOST or the environment's docker.host in declarative.yaml to the engine's address."
                        : "Set DOCKER_HOST or the environment's docker.host in declarative.yaml to the engine's address.");
            }

            return VersionWithoutHeader;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(endpoint, $"it did not answer within {timeout.TotalSeconds:0.#} s", DaemonAdvice, ex);
        }
        catch (HttpRequestException ex)
        {
            var (reason, advice) = Describe(ex, host, tls);
            throw Unreachable(endpoint, reason, advice, ex);
        }
    }

    private static (string Reason, string Advice) Describe(HttpRequestException failure, Uri host, EngineTls? tls)
    {
        if (Innermost<AuthenticationException>(failure) is { } handshake)
        {
            return ($"the TLS handshake failed ({handshake.Message})",
                "Check the CA and client certificate (DOCKER_CERT_PATH, or the context's TLS files) and that the address is the name in the engine's certificate.");
        }

        if (Innermost<SocketException>(failure) is not { } socket)
        {
            return (tls is null && host.Scheme == "tcp"
                ? $"the request failed ({failure.Message}); an engine that expects TLS drops plain HTTP like this"
                : $"the request failed ({failure.Message})", DaemonAdvice);
        }

        if (host.Scheme == "unix")
        {
            var path = host.LocalPath;
            if (!File.Exists(path))
            {
                return ($"there is no socket at {path}", DaemonAdvice);
            }

            if (socket.SocketErrorCode == SocketError.AccessDenied)
            {
                return ($"permission to use {path} is denied",
                    "Add your user to the group that owns the socket (usually docker), or set DOCKER_HOST or the environment's docker.host in declarative.yaml to an engine you may use.");
            }
        }

        return socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => ("the connection was refused", DaemonAdvice),
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => ($"the host name {host.Host} cannot be resolved", "Check the host name in DOCKER_HOST or the environment's docker.host in declarative.yaml."),
            SocketError.TimedOut => ("the connection timed out", DaemonAdvice),
            _ => ($"the connection failed ({socket.Message})", DaemonAdvice),
        };
    }

    private static T? Innermost<T>(Exception failure)
        where T : Exception
    {
        T? found = null;
        for (var current = failure; current is not null; current = current.InnerException)
        {
            found = current as T ?? found;
        }

        return found;
    }

    private static DockerConnectionException Unreachable(DockerEndpoint endpoint, string reason, string advice, Exception? inner = null)
    {
        var message = $"Cannot reach the Docker engine at {endpoint.Host} (from {endpoint.Source}): {reason}. {advice}";
        return inner is null ? new DockerConnectionException(message) : new DockerConnectionException(message, inner);
    }
}
