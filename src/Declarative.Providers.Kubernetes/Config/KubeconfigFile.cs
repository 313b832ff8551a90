using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>One kubeconfig file (reference 1.1): its named clusters, users and contexts, with relative file
/// paths already resolved against the file's directory.</summary>
public sealed record KubeconfigFile(
    string Path,
    string? CurrentContext,
    ImmutableDictionary<string, JsonObject> Clusters,
    ImmutableDictionary<string, JsonObject> Users,
    ImmutableDictionary<string, JsonObject> Contexts)
{
    private static readonly string[] ClusterPathKeys = ["certificate-authority"];
    private static readonly string[] UserPathKeys = ["client-certificate", "client-key", "tokenFile"];

    public static KubeconfigFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"Cannot read the kubeconfig file {path}: {ex.Message} Check the path and its permissions.", ex);
        }

        return Parse(path, text);
    }

    public static KubeconfigFile Parse(string path, string text)
    {
        JsonNode? root;
        try
        {
            root = YamlToJson.Read(text);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new KubeConfigException($"The kubeconfig file {path} is not valid YAML ({ex.Start.Line}:{ex.Start.Column}: {ex.Message}). Fix the file or point --kubeconfig elsewhere.", ex);
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var config = root as JsonObject ?? [];
        return new KubeconfigFile(
            path,
            NonEmpty(config["current-context"]),
            Named(config["clusters"], "cluster", directory, ClusterPathKeys),
            Named(config["users"], "user", directory, UserPathKeys),
            Named(config["contexts"], "context", directory, []));
    }

    private static ImmutableDictionary<string, JsonObject> Named(JsonNode? list, string field, string directory, string[] pathKeys)
    {
        var result = ImmutableDictionary.CreateBuilder<string, JsonObject>(StringComparer.Ordinal);
        foreach (var entry in (list as JsonArray ?? []).OfType<JsonObject>())
        {
            if (NonEmpty(entry["name"]) is { } name && !result.ContainsKey(name))
            {
                var body = entry[field] as JsonObject is { } found ? (JsonObject)found.DeepClone() : [];
                ResolvePaths(body, directory, pathKeys);
                result[name] = body;
            }
        }

        return result.ToImmutable();
    }

    private static void ResolvePaths(JsonObject body, string directory, string[] keys)
    {
        foreach (var key in keys)
        {
            if (NonEmpty(body[key]) is { } value && !System.IO.Path.IsPathRooted(value))
            {
                body[key] = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, value));
            }
        }
    }

    internal static string? NonEmpty(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
