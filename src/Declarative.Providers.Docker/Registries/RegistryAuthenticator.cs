using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Sends a request and answers a 401 the way docker does: <c>Basic</c> → the credential as basic auth;
/// <c>Bearer realm,service,scope</c> → a token from the realm (anonymous, basic auth, or an identity token's
/// refresh_token grant), cached per registry and scope until it expires. A second 401 means the credential was
/// refused. Registries that once asked for Basic get it up front afterwards, saving a round trip. Thread-safe.
/// </summary>
internal sealed class RegistryAuthenticator(RegistryTransport transport, TimeProvider clock)
{
    private const string ClientId = "declarative";

    private readonly RegistryTokenCache _tokens = new(clock);
    private readonly ConcurrentDictionary<string, bool> _basicRegistries = new(StringComparer.Ordinal);

    /// <summary>The response after authentication, any status but 401; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(RegistryAccess access, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var known = KnownAuthorization(access);
        var response = await transport.SendAsync(build, known, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = Challenge(response, access);
        response.Dispose();
        _tokens.Forget(access.TokenKey);
        var authorization = await AuthorizeAsync(access, challenge, cancellationToken);
        response = await transport.SendAsync(build, authorization, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        _tokens.Forget(access.TokenKey);
        throw access.Credential is { } credential
            ? RegistryAuthException.Refused(access.Registry, credential)
            : RegistryAuthException.Required(access.Registry, access.Repository);
    }

    private AuthenticationHeaderValue? KnownAuthorization(RegistryAccess access)
    {
        if (_tokens.Find(access.TokenKey) is { } token)
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        return access.Credential is { } credential && _basicRegistries.ContainsKey(access.Endpoint.Key) ? Basic(credential) : null;
    }

    private static AuthChallenge Challenge(HttpResponseMessage response, RegistryAccess access) =>
        response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) && AuthChallenge.Choose(values) is { } challenge
            ? challenge
            : throw new RegistryException($"{access.Registry} answered 401 Unauthorized without a Basic or Bearer challenge (WWW-Authenticate): check that {access.Endpoint.BaseUri} is a registry.");

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(RegistryAccess access, AuthChallenge challenge, CancellationToken cancellationToken)
    {
        if (challenge.IsBearer)
        {
            var token = await FetchTokenAsync(access, challenge, cancellationToken);
            return new AuthenticationHeaderValue("Bearer", token);
        }

        if (access.Credential is not { } credential)
        {
            throw RegistryAuthException.Required(access.Registry, access.Repository);
        }

        _basicRegistries[access.Endpoint.Key] = true;
        return Basic(credential);
    }

    private async Task<string> FetchTokenAsync(RegistryAccess access, AuthChallenge challenge, CancellationToken cancellationToken)
    {
        if (challenge["realm"] is not { Length: > 0 } realmText || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm))
        {
            throw new RegistryException($"{access.Registry} asked for a bearer token without a usable realm (WWW-Authenticate: {challenge.Scheme} realm=\"{challenge["realm"]}\"): check the registry's token configuration.");
        }

        var service = challenge["service"];
        var scope = access.Scope.Length > 0 ? access.Scope : null;
        var credential = access.Credential;
        using var response = await transport.SendAsync(
            () => TokenRequest(realm, service, scope, credential),
            credential is { IdentityToken: null } && (credential.Username.Length > 0 || credential.Password.Length > 0) ? Basic(credential) : null,
            cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw credential is null
                ? RegistryAuthException.Required(access.Registry, access.Repository)
                : RegistryAuthException.Refused(access.Registry, credential);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException($"The token server {realm.GetLeftPart(UriPartial.Path)} of {access.Registry} answered {(int)response.StatusCode} {response.ReasonPhrase}{await RegistryErrors.DescribeAsync(response, cancellationToken)}.");
        }

        var (token, lifetime) = await ReadTokenAsync(response, realm, cancellationToken);
        _tokens.Store(access.TokenKey, token, lifetime);
        return token;
    }

    /// <summary>GET realm?service&amp;scope&amp;account, or for an identity token the OAuth2 refresh_token grant
    /// (POST), as the docker CLI does.</summary>
    private static HttpRequestMessage TokenRequest(Uri realm, string? service, string? scope, RegistryCredential? credential)
    {
        if (credential?.IdentityToken is { } identityToken)
        {
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = identityToken,
                ["client_id"] = ClientId,
            };
            AddIfPresent(form, "service", service);
            AddIfPresent(form, "scope", scope);
            return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        }

        var query = new List<string>();
        AddQuery(query, "service", service);
        AddQuery(query, "scope", scope);
        AddQuery(query, "account", credential is { Username.Length: > 0 } ? credential.Username : null);
        var separator = realm.Query.Length > 0 ? "&" : "?";
        return new HttpRequestMessage(HttpMethod.Get, query.Count == 0 ? realm : new Uri(realm.AbsoluteUri + separator + string.Join('&', query)));
    }

    private static async Task<(string Token, TimeSpan? Lifetime)> ReadTokenAsync(HttpResponseMessage response, Uri realm, CancellationToken cancellationToken)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        var token = Text(body?["token"]) ?? Text(body?["access_token"]);
        if (token is null)
        {
            throw new RegistryException($"The token server {realm.GetLeftPart(UriPartial.Path)} answered without a token (neither \"token\" nor \"access_token\"): check the registry's token configuration.");
        }

        TimeSpan? lifetime = body?["expires_in"] is JsonValue seconds && seconds.TryGetValue<double>(out var value) && value > 0 ? TimeSpan.FromSeconds(value) : null;
        return (token, lifetime);
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));

    private static void AddIfPresent(Dictionary<string, string> form, string name, string? value)
    {
        if (value is not null)
        {
            form[name] = value;
        }
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={Uri.EscapeDataString(value)}"));
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
