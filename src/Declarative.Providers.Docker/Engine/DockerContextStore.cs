using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Reads the Docker CLI's contexts from the config folder: the current context's name (config.json
/// "currentContext"), and a context's endpoint from contexts/meta/&lt;sha256 of the name&gt;/meta.json
/// (Endpoints.docker.Host, SkipTLSVerify) with its TLS files in contexts/tls/&lt;same id&gt;/docker/
/// (docker/cli cli/context/store). TLS is on when a TLS file exists or SkipTLSVerify is set; the CA is optional
/// (the system roots then), the client certificate is used only when cert.pem and key.pem both exist.
/// </summary>
internal static class DockerContextStore
{
    /// <summary>The "currentContext" of config.json, or null when the file or the field is absent.</summary>
    public static string? CurrentContext(string configDirectory)
    {
        var path = Path.Combine(configDirectory, "config.json");
        if (!File.Exists(path))
        {
            return null;
        }

        var config = ReadJson(path, "the Docker CLI config", "Fix the JSON, or point DOCKER_CONFIG at another folder.");
        return (config as JsonObject)?["currentContext"] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0 ? name : null;
    }

    /// <param name="name">The context, not "default" (that one is never stored).</param>
    /// <param name="nameOrigin">Where the name came from, for messages ("DOCKER_CONTEXT").</param>
    public static DockerEndpoint Load(string? configDirectory, string name, string nameOrigin)
    {
        if (configDirectory is null)
        {
            throw new DockerConnectionException(
                $"The Docker context \"{name}\" (from {nameOrigin}) cannot be looked up: neither DOCKER_CONFIG nor HOME is set. Set DOCKER_CONFIG to the Docker config folder, or set DOCKER_HOST instead.");
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var metaPath = Path.Combine(configDirectory, "contexts", "meta", id, "meta.json");
        if (!File.Exists(metaPath))
        {
            throw new DockerConnectionException(
                $"The Docker context \"{name}\" (from {nameOrigin}) does not exist: {metaPath} is missing. Run `docker context ls` to see the contexts, then fix {nameOrigin} or set DOCKER_HOST instead.");
        }

        var meta = ReadJson(metaPath, $"the Docker context \"{name}\"", "Recreate the context with `docker context create`, or set DOCKER_HOST instead.");
        var docker = ((meta as JsonObject)?["Endpoints"] as JsonObject)?["docker"] as JsonObject;
        if (docker?["Host"] is not JsonValue hostValue || !hostValue.TryGetValue<string>(out var host) || host.Length == 0)
        {
            throw new DockerConnectionException(
                $"The Docker context \"{name}\" (from {nameOrigin}) has no Docker endpoint: {metaPath} has no Endpoints.docker.Host. Recreate it with `docker context create {name} --docker host=...`, or set DOCKER_HOST instead.");
        }

        var source = DockerEndpointSources.Context(name);
        var normalized = DockerHostSyntax.Normalize(host, $"The host of the Docker context \"{name}\" (Endpoints.docker.Host in {metaPath})");
        var skipVerify = docker["SkipTLSVerify"] is JsonValue skip && skip.TryGetValue<bool>(out var flag) && flag;
        var tls = normalized.StartsWith("tcp://", StringComparison.Ordinal)
            ? TlsFiles(Path.Combine(configDirectory, "contexts", "tls", id, "docker"), skipVerify)
            : null;
        return new DockerEndpoint(normalized, source, tls);
    }

    private static DockerTlsMaterial? TlsFiles(string folder, bool skipVerify)
    {
        string? Existing(string file) => File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null;

        var ca = Existing("ca.pem");
        var certificate = Existing("cert.pem");
        var key = Existing("key.pem");
        if (ca is null && certificate is null && key is null && !skipVerify)
        {
            return null;
        }

        var pair = certificate is not null && key is not null;
        return new DockerTlsMaterial(ca, pair ? certificate : null, pair ? key : null, Verify: !skipVerify);
    }

    private static JsonNode? ReadJson(string path, string what, string advice)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new DockerConnectionException($"{path} ({what}) is not valid JSON: {ex.Message} {advice}", ex);
        }
        catch (IOException ex)
        {
            throw new DockerConnectionException($"{path} ({what}) cannot be read: {ex.Message} {advice}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DockerConnectionException($"{path} ({what}) cannot be read: {ex.Message} {advice}", ex);
        }
    }
}
