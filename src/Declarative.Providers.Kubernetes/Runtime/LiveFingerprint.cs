using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>The fingerprint of a live object: SHA-256 of its normalized form (keys sorted, so a server that reorders
/// fields does not change it; status and server metadata dropped, so controller writes do not), plus uid and
/// metadata.generation.</summary>
internal static class LiveFingerprint
{
    public static Fingerprint Of(JsonObject live)
    {
        var canonical = Canonical(ObjectNormalizer.Normalize(live));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical!.ToJsonString())));
        return new Fingerprint($"sha256:{hash}", JsonText.At(live, "/metadata/uid"), Generation(live));
    }

    private static long? Generation(JsonObject live) =>
        JsonPointer.Get(live, "/metadata/generation") is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? long.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
