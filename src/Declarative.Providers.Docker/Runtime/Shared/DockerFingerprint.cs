using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// The fingerprint of a Docker object: SHA-256 of its compared form without status (keys sorted), so that a
/// container that restarted does not make a saved plan stale, but one re-created by hand does (its ID is the uid).
/// </summary>
internal static class DockerFingerprint
{
    public static Fingerprint Of(JsonObject compared, string? id)
    {
        var copy = (JsonObject)Sorted(compared)!;
        copy.Remove("status");
        return new Fingerprint($"sha256:{Hash(copy.ToJsonString())}", id, null);
    }

    /// <summary>The hash recorded in the spec-hash label: which document an object was created from.</summary>
    public static string SpecHash(JsonObject compared)
    {
        var copy = (JsonObject)Sorted(compared)!;
        copy.Remove("status");
        return Hash(copy.ToJsonString())[..32];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
