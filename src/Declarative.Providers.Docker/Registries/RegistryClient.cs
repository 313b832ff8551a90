using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Asks registries (HTTP API v2) what a tag points to, without pulling, and checks credentials before a push.
/// One per run: connections and bearer tokens are kept per registry. Thread-safe.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private const string DigestHeader = "Docker-Content-Digest";

    private readonly RegistryTransport _transport;
    private readonly RegistryAuthenticator _authenticator;

    public RegistryClient(RegistryClientOptions? options = null)
    {
        var settings = options ?? RegistryClientOptions.Default;
        _transport = new RegistryTransport(settings);
        _authenticator = new RegistryAuthenticator(_transport, settings.Clock);
    }

    /// <summary>
    /// The digest of the manifest (or index) that <paramref name="repository"/>:<paramref name="tag"/> points to in
    /// <paramref name="registry"/> (host[:port]; <paramref name="repository"/> is the path inside it), e.g.
    /// "sha256:…"; null when the tag or repository does not exist.
    /// </summary>
    /// <exception cref="RegistryAuthException">The registry refused the credential, or wants one and none was given.</exception>
    /// <exception cref="RegistryException">The registry is unreachable or answered something unexpected.</exception>
    public async Task<string?> GetManifestDigestAsync(
        string registry, string repository, string tag, RegistryCredential? credential, bool insecure, CancellationToken cancellationToken)
    {
        var endpoint = RegistryEndpoint.For(registry, insecure);
        var name = endpoint.RepositoryPath(repository);
        var access = new RegistryAccess(endpoint, $"repository:{name}:pull", credential, name);
        var url = endpoint.Url($"v2/{name}/manifests/{Uri.EscapeDataString(tag)}");

        using (var head = await _authenticator.SendAsync(access, () => ManifestRequest(HttpMethod.Head, url), cancellationToken))
        {
            if (head.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            await EnsureSuccessAsync(head, access, cancellationToken);
            if (DigestOf(head) is { } digest)
            {
                return digest;
            }
        }

        // Some registries leave the digest out of HEAD answers: the digest of the exact bytes served is the same.
        using var get = await _authenticator.SendAsync(access, () => ManifestRequest(HttpMethod.Get, url), cancellationToken);
        if (get.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(get, access, cancellationToken);
        if (DigestOf(get) is { } served)
        {
            return served;
        }

        var body = await get.Content.ReadAsByteArrayAsync(cancellationToken);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
    }

    /// <summary>
    /// Checks that <paramref name="registry"/> answers and accepts <paramref name="credential"/> (GET /v2/, the check
    /// behind docker login), so a push fails early with a clear message instead of inside the push stream.
    /// </summary>
    /// <exception cref="RegistryAuthException">The registry refused the credential, or wants one and none was given.</exception>
    /// <exception cref="RegistryException">The registry is unreachable or answered something unexpected.</exception>
    public async Task CheckCredentialsAsync(string registry, RegistryCredential? credential, bool insecure, CancellationToken cancellationToken)
    {
        var endpoint = RegistryEndpoint.For(registry, insecure);
        var access = new RegistryAccess(endpoint, string.Empty, credential, null);
        var url = endpoint.Url("v2/");
        using var response = await _authenticator.SendAsync(access, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        await EnsureSuccessAsync(response, access, cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    private static HttpRequestMessage ManifestRequest(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        foreach (var mediaType in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    private static string? DigestOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(DigestHeader, out var values) && values.FirstOrDefault(value => value.Length > 0) is { } digest
            ? digest.Trim()
            : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, RegistryAccess access, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var errors = await RegistryErrors.DescribeAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            var who = access.Credential?.DisplayName ?? "anonymous access";
            var what = access.Repository is null ? string.Empty : $" to {access.Repository}";
            throw new RegistryAuthException(
                access.Registry,
                access.Credential?.DisplayName,
                $"{access.Registry} denied access{what} for {who}{errors}: check that {who} may pull from it, or check {access.Credential?.Source ?? "the Registry's username and password"}.");
        }

        var request = response.RequestMessage;
        throw new RegistryException($"{request?.Method} {request?.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}{errors}.");
    }
}
