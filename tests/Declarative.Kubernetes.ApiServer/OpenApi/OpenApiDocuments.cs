using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>The OpenAPI v3 index and one document per served group/version (reference 11), built from what the
/// registry serves now, so a CRD's group/version appears as soon as it is served.</summary>
public sealed class OpenApiDocuments(ResourceRegistry registry)
{
    /// <summary>"api/v1", "apis/apps/v1"... for every served group/version.</summary>
    public IEnumerable<string> Keys() =>
        registry.Groups().SelectMany(g => g.Versions.Select(v => Key(g.Group, v)));

    public JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var key in Keys())
        {
            var document = Document(key)!;
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(document)}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>Null when <paramref name="key"/> names no served group/version.</summary>
    public JsonObject? Document(string key)
    {
        var resources = registry.All.Where(r => Key(r.Group, r.Version) == key).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var (path, item) in resources.SelectMany(OpenApiPaths.Of))
        {
            paths[path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = OpenApiSchemas.For(resources) },
        };
    }

    /// <summary>As the API server: upper-case hex SHA-512 of the serialized document.</summary>
    public static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));

    private static string Key(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
}
