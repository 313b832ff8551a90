using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// The credential parts of the user's docker config (<c>$DOCKER_CONFIG/config.json</c>, else
/// <c>~/.docker/config.json</c>): <c>auths</c> entries by key, <c>credHelpers</c> by registry and <c>credsStore</c>.
/// A missing file is an empty config, as for the docker CLI.
/// </summary>
internal sealed record DockerConfigFile(
    string Path,
    ImmutableArray<KeyValuePair<string, JsonObject>> Auths,
    ImmutableArray<KeyValuePair<string, string>> CredentialHelpers,
    string? CredentialsStore)
{
    public static DockerConfigFile Empty(string path) => new(path, [], [], null);

    /// <summary>Where the docker CLI would read its config.</summary>
    public static string Locate(Func<string, string?> getEnvironmentVariable, string homeDirectory) =>
        getEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } folder
            ? System.IO.Path.Combine(folder, "config.json")
            : System.IO.Path.Combine(homeDirectory, ".docker", "config.json");

    public static async Task<DockerConfigFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Empty(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RegistryCredentialException($"The docker config {path} cannot be read: {ex.Message}", ex);
        }

        return Parse(path, text);
    }

    public static DockerConfigFile Parse(string path, string text)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject;
        }
        catch (JsonException ex)
        {
            // The exception text may quote the file's content, which holds secrets: only its position is kept.
            throw new RegistryCredentialException($"The docker config {path} is not valid JSON (line {ex.LineNumber + 1}): fix it, or point DOCKER_CONFIG at another folder.");
        }

        if (root is null)
        {
            return Empty(path);
        }

        var auths = Entries(root["auths"])
            .Where(entry => entry.Value is JsonObject)
            .Select(entry => KeyValuePair.Create(entry.Key, (JsonObject)entry.Value!))
            .ToImmutableArray();
        var helpers = Entries(root["credHelpers"])
            .Where(entry => entry.Value is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0)
            .Select(entry => KeyValuePair.Create(entry.Key, entry.Value!.GetValue<string>()))
            .ToImmutableArray();
        var store = root["credsStore"] is JsonValue storeValue && storeValue.TryGetValue<string>(out var storeName) && storeName.Length > 0 ? storeName : null;
        return new DockerConfigFile(path, auths, helpers, store);
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node) =>
        node is JsonObject map ? map : [];
}
