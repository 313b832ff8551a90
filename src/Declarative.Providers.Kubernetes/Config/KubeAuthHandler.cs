using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Adds the Authorization header a target's credentials call for (basic, static token, token file, or a
/// credential plugin's token) and, on a 401, refreshes a file or plugin token and sends the request once more.
/// A request that already carries an Authorization header is left alone (reference 1.4).
/// </summary>
public sealed class KubeAuthHandler : DelegatingHandler
{
    private readonly KubeCredentials _credentials;
    private readonly TokenFileSource? _tokenFile;

    public KubeAuthHandler(KubeCredentials credentials, TimeProvider clock, ExecCredentialSource? exec)
    {
        _credentials = credentials;
        _tokenFile = credentials.TokenFile is { } path ? new TokenFileSource(path, clock) : null;
        Exec = exec;
    }

    /// <summary>The plugin's credential cache, shared with the TLS layer for plugin-issued client certificates.</summary>
    public ExecCredentialSource? Exec { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is not null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var execCredential = Exec is null ? null : await Exec.GetAsync(cancellationToken);
        request.Headers.Authorization = Header(execCredential);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || (Exec is null && _tokenFile is null))
        {
            return response;
        }

        // A token that stopped working (expired, rotated) is refreshed once, as client-go does.
        response.Dispose();
        _tokenFile?.Invalidate();
        execCredential = Exec is null ? null : await Exec.RefreshAsync(execCredential, cancellationToken);
        request.Headers.Authorization = Header(execCredential);
        return await base.SendAsync(request, cancellationToken);
    }

    private AuthenticationHeaderValue? Header(ExecCredential? execCredential)
    {
        if (_credentials.Username is { } user)
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_credentials.Password}"));
            return new AuthenticationHeaderValue("Basic", pair);
        }

        var token = _credentials.Token ?? execCredential?.Token ?? _tokenFile?.Token;
        return token is null ? null : new AuthenticationHeaderValue("Bearer", token);
    }
}
