using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Finds a registry's credential in the user's docker config the way the docker CLI does: <c>credHelpers</c> for the
/// registry, else <c>credsStore</c>, else the <c>auths</c> entry. A helper, once chosen, decides alone (its "not
/// found" means anonymous even when <c>auths</c> has an entry), as in the CLI's native store.
/// </summary>
internal sealed class DockerConfigCredentials(DockerConfigFile config, ICredentialHelperRunner helpers)
{
    public async Task<RegistryCredential?> FindAsync(string server, CancellationToken cancellationToken)
    {
        var key = RegistryServerNames.ConfigKeyOf(server);
        if (Match(config.CredentialHelpers, server) is { } helper)
        {
            return await AskHelperAsync(helper.Value, $"credHelpers[\"{helper.Key}\"]", key, cancellationToken);
        }

        if (config.CredentialsStore is { } store)
        {
            return await AskHelperAsync(store, "credsStore", key, cancellationToken);
        }

        return Match(config.Auths, server) is { } entry ? FromAuthsEntry(entry.Key, entry.Value) : null;
    }

    /// <summary>The entry whose key is the server as written or its config key, else the first whose host matches
    /// (the CLI's file-store fallback, which ignores scheme and path).</summary>
    internal static KeyValuePair<string, T>? Match<T>(IEnumerable<KeyValuePair<string, T>> entries, string server)
    {
        var key = RegistryServerNames.ConfigKeyOf(server);
        KeyValuePair<string, T>? sameHost = null;
        foreach (var entry in entries)
        {
            if (entry.Key == server || entry.Key == key)
            {
                return entry;
            }

            if (sameHost is null && RegistryServerNames.SameRegistry(entry.Key, server))
            {
                sameHost = entry;
            }
        }

        return sameHost;
    }

    private RegistryCredential? FromAuthsEntry(string key, JsonObject entry)
    {
        var source = $"the docker login for {key} in {config.Path} (run docker login {key} again)";
        var username = Text(entry["username"]) ?? string.Empty;
        var password = Text(entry["password"]) ?? string.Empty;
        if (Text(entry["auth"]) is { Length: > 0 } auth)
        {
            (username, password) = DecodeAuth(auth, key);
        }

        if (Text(entry["identitytoken"]) is { Length: > 0 } identityToken)
        {
            return RegistryCredential.FromIdentityToken(username, identityToken, source);
        }

        return username.Length == 0 && password.Length == 0 ? null : new RegistryCredential(username, password) { Source = source };
    }

    /// <summary>Standard base64 of "user:password", split at the first ':' (docker CLI decodeAuth).</summary>
    private (string Username, string Password) DecodeAuth(string auth, string key)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        }
        catch (FormatException)
        {
            throw new RegistryCredentialException($"auths[\"{key}\"].auth in {config.Path} is not base64: run docker login {key} again, or fix the entry.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? throw new RegistryCredentialException($"auths[\"{key}\"].auth in {config.Path} is not base64 of user:password: run docker login {key} again, or fix the entry.")
            : (decoded[..colon], decoded[(colon + 1)..].Trim('\0'));
    }

    private async Task<RegistryCredential?> AskHelperAsync(string helper, string setting, string serverAddress, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        var where = $"{setting} in {config.Path}";
        CredentialHelperOutput? output;
        try
        {
            output = await helpers.GetAsync(helper, serverAddress, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new RegistryCredentialException($"The docker credential helper {program} ({where}) did not answer for {serverAddress} in time: run \"echo {serverAddress} | {program} get\" to see why.", ex);
        }

        if (output is null)
        {
            throw new RegistryCredentialException($"The docker credential helper {program} ({where}) is not installed or not on PATH: install it, or remove {setting} from the docker config.");
        }

        return CredentialHelperAnswer.Parse(program, serverAddress, output, $"the credentials that {program} holds for {serverAddress} (run docker login {serverAddress} again)");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
