using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Authentication;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// Sends one API request with the retry rules of <see cref="KubeRetryPolicy"/>, the optional rate limiter and a
/// per-attempt timeout, and turns a final failure into a <see cref="KubeApiException"/>. Only idempotent requests
/// are retried here; a create is retried by its caller after checking that it did not happen.
/// </summary>
internal sealed class KubeTransport(HttpClient http, Uri server, KubeClientOptions options)
{
    private readonly RequestRateLimiter _limiter = new(options.MaxRequestsPerSecond, options.Burst, options.Clock);

    public Uri Server => server;

    public KubeClientOptions Options => options;

    /// <summary>A successful (2xx) response; the caller disposes it. <paramref name="streaming"/> returns as soon
    /// as headers arrive and applies no timeout (watches end when the server ends them).</summary>
    public Task<HttpResponseMessage> SendAsync(KubeRequest request, Func<HttpRequestMessage> build, bool streaming, CancellationToken cancellationToken) =>
        SendAsync(
            request,
            build,
            streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
            timed: !streaming,
            (response, _) => Task.FromResult(response),
            cancellationToken);

    /// <summary>The successful answer read by <paramref name="read"/> straight from the response stream, within the
    /// request timeout; a connection dropped while reading is retried like one dropped before the answer.</summary>
    public Task<T> ReadAsync<T>(KubeRequest request, Func<HttpRequestMessage> build, Func<Stream, HttpContentHeaders, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendAsync(
            request,
            build,
            HttpCompletionOption.ResponseHeadersRead,
            timed: true,
            async (response, token) =>
            {
                using (response)
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(token);
                    return await read(stream, response.Content.Headers, token);
                }
            },
            cancellationToken);

    private async Task<T> SendAsync<T>(
        KubeRequest request,
        Func<HttpRequestMessage> build,
        HttpCompletionOption completion,
        bool timed,
        Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess,
        CancellationToken cancellationToken)
    {
        var retry = options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            await _limiter.WaitAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timed)
            {
                timeout.CancelAfter(options.RequestTimeout);
            }

            // A streaming answer outlives this attempt's timeout source, so it is sent with the caller's token.
            var token = timed ? timeout.Token : cancellationToken;
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(build, completion, token);
                if (response.IsSuccessStatusCode)
                {
                    return await onSuccess(response, token);
                }
            }
            catch (Exception ex) when (Transient(ex, cancellationToken) && request.IsIdempotent && attempt < AttemptsFor(ex))
            {
                await Task.Delay(retry.DelayAfter(attempt, null), retry.Clock, cancellationToken);
                continue;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw Unreachable(ex, attempt);
            }

            using (response)
            {
                if (Retryable((int)response.StatusCode) && request.IsIdempotent && attempt < retry.MaxAttempts)
                {
                    await Task.Delay(retry.DelayAfter(attempt, RetryAfter(response)), retry.Clock, cancellationToken);
                    continue;
                }

                throw await KubeErrors.FromResponseAsync(response, request, cancellationToken);
            }
        }
    }

    public Uri Url(string path, string? query = null)
    {
        var root = server.AbsoluteUri.TrimEnd('/');
        return new Uri(query is null ? root + path : $"{root}{path}?{query}");
    }

    internal static bool Retryable(int code) => code is 429 or 500 or 502 or 503 or 504;

    internal static bool Transient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException { InnerException: AuthenticationException } => false,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        return await http.SendAsync(request, completion, cancellationToken);
    }

    private int AttemptsFor(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            ? Math.Min(options.Retry.MaxConnectAttempts, options.Retry.MaxAttempts)
            : options.Retry.MaxAttempts;

    private KubeApiException Unreachable(Exception ex, int attempts)
    {
        if (Refusal(ex) is { } refusal)
        {
            return new KubeApiException($"The TLS handshake with the Kubernetes API server at {server} failed: {refusal.Message}", ex);
        }

        if (!Transient(ex, CancellationToken.None) || ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return new KubeApiException(
                $"The TLS handshake with the Kubernetes API server at {server} failed: {ex.Message} The server's certificate must be signed by the kubeconfig's certificate authority and match its name (or tls-server-name); fix certificate-authority(-data) or tls-server-name.",
                ex);
        }

        var what = ex is OperationCanceledException ? "did not answer in time" : "could not be reached";
        return new KubeApiException(
            $"The Kubernetes API server at {server} {what} ({ex.Message}) after {attempts} attempt(s). Check that the cluster is running and reachable and that the kubeconfig's server URL is right.",
            ex);
    }

    /// <summary>Why the server's certificate was refused, when the check said so.</summary>
    private static Config.KubeTlsException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is Config.KubeTlsException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { Delta: { } delta })
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    internal static MediaTypeWithQualityHeaderValue Json { get; } = new("application/json");
}
