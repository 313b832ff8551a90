using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Testing.Fakes;

/// <summary>The fingerprint <see cref="FakeProvider"/> gives an object: SHA-256 of its canonical JSON (keys sorted).</summary>
public static class FakeFingerprint
{
    public static Fingerprint Of(JsonObject obj)
    {
        var canonical = Canonical(obj)!.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var metadata = obj["metadata"] as JsonObject;
        var uid = metadata?["uid"] is JsonValue uidValue ? uidValue.ToString() : null;
        var generation = metadata?["generation"] is JsonValue g && g.TryGetValue<long>(out var number) ? number : (long?)null;
        return new Fingerprint($"sha256:{hash}", uid, generation);
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
