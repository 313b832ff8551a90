using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>How the fake registry wants to be authenticated.</summary>
internal enum FakeAuth
{
    Open,
    Basic,
    Bearer,
}

/// <summary>Whether the fake registry sends Docker-Content-Digest.</summary>
internal enum FakeDigestHeader
{
    Always,
    NotOnHead,
    Never,
}

/// <summary>
/// A registry v2 API and its token server in one HttpListener on 127.0.0.1 and a free port: manifests by
/// repository and tag, Basic or Bearer authentication for one user, tokens bound to their scope and revocable,
/// injected 503s, and a log of what was asked.
/// </summary>
internal sealed class FakeRegistryServer : IDisposable
{
    public const string Username = "tester";
    public const string Password = "fake-s3cret-pass";
    public const string IdentityToken = "fake-identity-token";

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, byte[]> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokenScopes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _tokenCounter;
    private int _failuresLeft;

    public FakeRegistryServer(FakeAuth auth)
    {
        Auth = auth;
        (_listener, Port) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public FakeAuth Auth { get; }

    public int Port { get; }

    /// <summary>host:port, as a Registry's server field would hold it.</summary>
    public string Registry => $"127.0.0.1:{Port}";

    public FakeDigestHeader DigestHeader { get; set; } = FakeDigestHeader.Always;

    /// <summary>Whether the token server gives anonymous tokens pull rights.</summary>
    public bool AnonymousPull { get; set; }

    /// <summary>expires_in of issued tokens; null leaves it out.</summary>
    public int? TokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Answer tokens as {"access_token"} (OAuth2 style) instead of {"token"}.</summary>
    public bool UseAccessTokenField { get; set; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public int TokenRequests => Requests.Count(r => r.Path == "/token");

    public int ManifestRequests => Requests.Count(r => r.Path.Contains("/manifests/", StringComparison.Ordinal));

    /// <summary>Stores a manifest body under repository:tag and returns its digest.</summary>
    public string AddManifest(string repository, string tag, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        _manifests[$"{repository}:{tag}"] = bytes;
        return Digest(bytes);
    }

    /// <summary>The next <paramref name="count"/> manifest requests answer 503.</summary>
    public void FailNextManifestRequests(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>Every token issued so far stops working (as when a token server restarts with a new key).</summary>
    public void RevokeTokens() => _tokenScopes.Clear();

    public void Dispose()
    {
        // Close alone: after Stop, Close would bind the port again to remove its prefix, and fail if it was reused.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception.
        }
    }

    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A listener on a port that was free a moment ago; another test may take it in between, so a few
    /// ports are tried.</summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Not closed: Close would try to bind the taken port once more and throw; nothing was bound.
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        var body = request.HasEntityBody ? new StreamReader(request.InputStream).ReadToEnd() : string.Empty;
        Requests.Enqueue(new FakeRequest(request.HttpMethod, path, request.Url.Query, request.Headers["Accept"], request.Headers["Authorization"], body));
        try
        {
            if (path == "/token")
            {
                IssueToken(request, body, response);
            }
            else if (path == "/v2/" || path == "/v2")
            {
                if (Authorized(request, "registry:catalog:*", response))
                {
                    Send(response, 200, "{}");
                }
            }
            else if (path.StartsWith("/v2/", StringComparison.Ordinal) && path.Contains("/manifests/", StringComparison.Ordinal))
            {
                ServeManifest(request, response, path);
            }
            else
            {
                Send(response, 404, "404 page not found");
            }
        }
        finally
        {
            response.Close();
        }
    }

    private void ServeManifest(HttpListenerRequest request, HttpListenerResponse response, string path)
    {
        var marker = path.IndexOf("/manifests/", StringComparison.Ordinal);
        var repository = path["/v2/".Length..marker];
        var tag = Uri.UnescapeDataString(path[(marker + "/manifests/".Length)..]);
        if (!Authorized(request, $"repository:{repository}:pull", response))
        {
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Send(response, 503, """{"errors":[{"code":"UNAVAILABLE","message":"try again"}]}""");
            return;
        }

        if (!_manifests.TryGetValue($"{repository}:{tag}", out var manifest))
        {
            Send(response, 404, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = "MANIFEST_UNKNOWN", ["message"] = "manifest unknown", ["detail"] = new JsonObject { ["Tag"] = tag } }) }.ToJsonString());
            return;
        }

        var isHead = request.HttpMethod == "HEAD";
        if (DigestHeader == FakeDigestHeader.Always || (DigestHeader == FakeDigestHeader.NotOnHead && !isHead))
        {
            response.Headers["Docker-Content-Digest"] = Digest(manifest);
        }

        response.StatusCode = 200;
        response.ContentType = "application/vnd.docker.distribution.manifest.v2+json";
        response.ContentLength64 = manifest.Length;
        if (!isHead)
        {
            response.OutputStream.Write(manifest);
        }
    }

    private bool Authorized(HttpListenerRequest request, string scope, HttpListenerResponse response)
    {
        var authorization = request.Headers["Authorization"];
        switch (Auth)
        {
            case FakeAuth.Open:
                return true;
            case FakeAuth.Basic when authorization == BasicHeader(Username, Password):
                return true;
            case FakeAuth.Basic:
                response.Headers["WWW-Authenticate"] = "Basic realm=\"fake-registry\"";
                Send(response, 401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
                return false;
            default:
                var token = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : null;
                if (token is not null && _tokenScopes.TryGetValue(token, out var granted) && (granted == scope || scope == "registry:catalog:*"))
                {
                    return true;
                }

                var scopePart = scope == "registry:catalog:*" ? string.Empty : $",scope=\"{scope}\"";
                response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://127.0.0.1:{Port}/token\",service=\"fake-registry\"{scopePart}";
                Send(response, 401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
                return false;
        }
    }

    private void IssueToken(HttpListenerRequest request, string body, HttpListenerResponse response)
    {
        var form = request.HttpMethod == "POST" ? ParseForm(body) : ParseForm(request.Url!.Query.TrimStart('?'));
        var authorization = request.Headers["Authorization"];
        var authenticated = request.HttpMethod == "POST"
            ? form.GetValueOrDefault("grant_type") == "refresh_token" && form.GetValueOrDefault("refresh_token") == IdentityToken
            : authorization == BasicHeader(Username, Password);
        if ((authorization is not null || request.HttpMethod == "POST") && !authenticated)
        {
            Send(response, 401, """{"details":"incorrect username or password"}""");
            return;
        }

        var token = $"token-{Interlocked.Increment(ref _tokenCounter)}";
        if (authenticated || AnonymousPull)
        {
            _tokenScopes[token] = form.GetValueOrDefault("scope") ?? string.Empty;
        }

        var answer = new JsonObject { [UseAccessTokenField ? "access_token" : "token"] = token };
        if (TokenLifetimeSeconds is { } lifetime)
        {
            answer["expires_in"] = lifetime;
        }

        Send(response, 200, answer.ToJsonString());
    }

    private static Dictionary<string, string> ParseForm(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0].Replace('+', ' ')), parts => parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);

    private static string BasicHeader(string username, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    private static void Send(HttpListenerResponse response, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }
}

/// <summary>One request the fake registry received.</summary>
internal sealed record FakeRequest(string Method, string Path, string Query, string? Accept, string? Authorization, string Body);
