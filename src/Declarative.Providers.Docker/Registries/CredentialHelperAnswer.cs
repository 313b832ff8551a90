using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Reads a credential helper's answer: JSON <c>{ServerURL, Username, Secret}</c> on success; a failing exit whose
/// output says "credentials not found" means no credential (docker-credential-helpers' ErrCredentialsNotFound).
/// Username <c>&lt;token&gt;</c> marks the Secret as an identity token.
/// </summary>
internal static class CredentialHelperAnswer
{
    private const string IdentityTokenUsername = "<token>";

    public static RegistryCredential? Parse(string program, string serverAddress, CredentialHelperOutput output, string source)
    {
        var text = output.StandardOutput.Trim();
        if (output.ExitCode != 0)
        {
            if (text.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw new RegistryCredentialException($"The docker credential helper {program} failed for {serverAddress} (exit code {output.ExitCode}): {FirstLine(text)}");
        }

        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            answer = null;
        }

        var username = Text(answer?["Username"]);
        var secret = Text(answer?["Secret"]);
        if (username is null || secret is null)
        {
            throw new RegistryCredentialException($"The docker credential helper {program} answered for {serverAddress} without a JSON object holding Username and Secret: check the helper and its version.");
        }

        if (secret.Length == 0 && username.Length == 0)
        {
            return null;
        }

        return username == IdentityTokenUsername
            ? RegistryCredential.FromIdentityToken(string.Empty, secret, source)
            : new RegistryCredential(username, secret) { Source = source };
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "it printed nothing" : line.Length > 200 ? line[..200] + "..." : line;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
