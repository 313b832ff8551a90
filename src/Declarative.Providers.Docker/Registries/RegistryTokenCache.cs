using System.Collections.Concurrent;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Bearer tokens by (registry, scope, credential), kept until shortly before they expire, so a plan that looks up
/// many tags of one repository asks the token server once. Thread-safe.
/// </summary>
internal sealed class RegistryTokenCache(TimeProvider clock)
{
    /// <summary>The token server's default lifetime when it gives none (distribution token spec), and the least
    /// the docker CLI assumes.</summary>
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<TokenKey, (string Token, DateTimeOffset Expiry)> _tokens = new();

    public string? Find(TokenKey key)
    {
        if (!_tokens.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Expiry > clock.GetUtcNow())
        {
            return entry.Token;
        }

        _tokens.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    public void Store(TokenKey key, string token, TimeSpan? lifetime)
    {
        var life = lifetime is { } given && given > MinimumLifetime ? given : MinimumLifetime;
        // Expire early by a tenth (at most 30 s) so a token does not run out between the check and the request.
        var margin = TimeSpan.FromTicks(Math.Min(life.Ticks / 10, TimeSpan.FromSeconds(30).Ticks));
        _tokens[key] = (token, clock.GetUtcNow() + life - margin);
    }

    public void Forget(TokenKey key) => _tokens.TryRemove(key, out _);
}

/// <summary>What a bearer token is good for: one registry (scheme://host:port), one scope ("" for the /v2/ check),
/// on behalf of one credential (null = anonymous).</summary>
internal readonly record struct TokenKey(string Registry, string Scope, RegistryCredential? Credential);
