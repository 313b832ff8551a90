using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Reads a Registry document's username and password: a literal, an environment variable or a file (relative to the
/// document's folder, one trailing newline trimmed, as <c>echo secret &gt; file</c> leaves it). A missing variable or
/// file is an error naming the Registry, the field and the variable or file, never a value.
/// </summary>
internal sealed class RegistryDocumentCredentials(Func<string, string?> getEnvironmentVariable)
{
    /// <summary>Null when the document gives no credential (the docker config is asked next).</summary>
    public async Task<RegistryCredential?> ReadAsync(RegistryDocument registry, CancellationToken cancellationToken)
    {
        if (!registry.HasCredential)
        {
            return null;
        }

        var username = await ReadFieldAsync(registry, "username", registry.Username, cancellationToken);
        var password = await ReadFieldAsync(registry, "password", registry.Password, cancellationToken);
        return new RegistryCredential(username, password) { Source = $"the username and password of Registry \"{registry.Name}\"" };
    }

    private async Task<string> ReadFieldAsync(RegistryDocument registry, string field, JsonNode? node, CancellationToken cancellationToken)
    {
        var where = $"Registry \"{registry.Name}\" spec.{field}";
        switch (node)
        {
            case null:
                var other = field == "username" ? "password" : "username";
                throw new RegistryCredentialException($"{where} is missing: a Registry with a {other} needs a {field} too.");
            case JsonValue literal when literal.TryGetValue<string>(out var text):
                return text;
            case JsonObject reference when reference["fromEnv"]?.GetValue<string>() is { } variable:
                return ReadVariable(where, variable);
            case JsonObject reference when reference["fromFile"]?.GetValue<string>() is { } file:
                return await ReadFileAsync(where, registry.Folder, file, cancellationToken);
            default:
                throw new RegistryCredentialException($"{where} must be a string, {{fromEnv: VAR}} or {{fromFile: PATH}}.");
        }
    }

    private string ReadVariable(string where, string variable)
    {
        var value = getEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value)
            ? throw new RegistryCredentialException($"{where} reads the environment variable {variable}, which is not set or empty: set {variable} before running, or change {where}.")
            : value;
    }

    private static async Task<string> ReadFileAsync(string where, string folder, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file, folder);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RegistryCredentialException($"{where} reads the file {path} (fromFile: {file}), which does not exist: create it, or change {where}.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RegistryCredentialException($"{where} reads the file {path} (fromFile: {file}), which cannot be read: {ex.Message}", ex);
        }

        return TrimOneLineEnd(text);
    }

    private static string TrimOneLineEnd(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
