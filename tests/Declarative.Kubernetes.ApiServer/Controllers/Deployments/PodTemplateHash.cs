using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// The <c>pod-template-hash</c> label, as kube-controller-manager's ComputeHash makes it: a 32-bit FNV-1a hash of
/// the pod template, printed in decimal and each digit mapped into the "safe" alphabet (no vowels, no 0/1/3) by
/// apimachinery's rand.SafeEncodeString. The real one hashes Go's deep printing of the struct; this one hashes the
/// canonical JSON (keys sorted), so values differ from a cluster's but keep the same shape and stability.
/// </summary>
internal static class PodTemplateHash
{
    public const string Label = "pod-template-hash";

    private const string SafeAlphabet = "bcdfghjkmnpqrstvwxz2456789";

    public static string Of(JsonObject template)
    {
        var withoutHash = Strip(template);
        var hash = Fnv1a(Encoding.UTF8.GetBytes(Canonical(withoutHash)));
        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return new string([.. digits.Select(c => SafeAlphabet[c % SafeAlphabet.Length])]);
    }

    /// <summary>A copy of <paramref name="template"/> without the pod-template-hash label (EqualIgnoreHash) and
    /// without JSON nulls: Go decodes <c>creationTimestamp: null</c> (which kubectl rollout undo sends) as the
    /// zero value, the same as an absent field.</summary>
    public static JsonObject Strip(JsonObject template)
    {
        var copy = (JsonObject)WithoutNulls(template)!;
        if (copy["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(Label);
        }

        return copy;
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(WithoutNulls)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Two pod templates are the same revision when they differ at most in pod-template-hash.</summary>
    public static bool EqualIgnoringHash(JsonNode? a, JsonNode? b) =>
        a is JsonObject left && b is JsonObject right && JsonNode.DeepEquals(Strip(left), Strip(right));

    private static uint Fnv1a(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
