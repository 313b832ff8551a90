using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Sends idempotent registry requests (HEAD, GET, token fetches) over one HttpClient per registry or token server,
/// retrying 429/5xx and dropped connections a few times, and turns connection failures into a
/// <see cref="RegistryException"/> that names the URL. A refused connection fails at once: retrying cannot start a
/// registry that is not running. Thread-safe.
/// </summary>
internal sealed class RegistryTransport(RegistryClientOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> _clients = new(StringComparer.Ordinal);

    /// <summary>The final response, whatever its status; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = authorization;
            var url = request.RequestUri!;
            HttpResponseMessage response;
            try
            {
                response = await ClientFor(url).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (Transient(ex) && attempt < options.MaxAttempts)
            {
                await Task.Delay(options.DelayAfter(attempt, null), options.Clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw Unreachable(url, ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RegistryException($"{request.Method} {url} did not answer within {options.RequestTimeout.TotalSeconds:0.#} s: check that the registry is reachable.", ex);
            }

            if (Retryable(response.StatusCode) && attempt < options.MaxAttempts)
            {
                var retryAfter = RetryAfter(response);
                response.Dispose();
                await Task.Delay(options.DelayAfter(attempt, retryAfter), options.Clock, cancellationToken);
                continue;
            }

            return response;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(lazy => lazy.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    internal static bool Retryable(HttpStatusCode code) =>
        code is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool Transient(HttpRequestException ex) =>
        ex.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        && ex.InnerException is not AuthenticationException
        && !IsRefused(ex);

    private static bool IsRefused(Exception ex) =>
        ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
        || (ex.InnerException is not null && IsRefused(ex.InnerException));

    private static RegistryException Unreachable(Uri url, HttpRequestException ex)
    {
        var root = url.GetLeftPart(UriPartial.Authority) + "/";
        if (IsRefused(ex))
        {
            return new RegistryException($"cannot connect to the registry at {root}: connection refused. Check that the registry is running and that the server name and port are right.", ex);
        }

        if (ex.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return new RegistryException($"cannot resolve the host of {root}: check the server name.", ex);
        }

        if (ex.HttpRequestError == HttpRequestError.SecureConnectionError || ex.InnerException is AuthenticationException)
        {
            return new RegistryException($"the TLS connection to {root} failed ({ex.InnerException?.Message ?? ex.Message}): if the registry serves plain HTTP, set insecure: true in its Registry document.", ex);
        }

        return new RegistryException($"the request to {url} failed: {ex.Message}", ex);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - options.Clock.GetUtcNow() : null);

    private HttpClient ClientFor(Uri url) =>
        _clients.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => new Lazy<HttpClient>(CreateClient)).Value;

    private HttpClient CreateClient()
    {
        var handler = options.CreateHandler?.Invoke() ?? new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        return new HttpClient(handler) { Timeout = options.RequestTimeout };
    }
}
