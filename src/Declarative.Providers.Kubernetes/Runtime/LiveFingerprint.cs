using System.Buffers;
using System.Security.Cryptography;
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
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (ObjectNormalizer.HasStringData(live))
            {
                WriteSorted(writer, ObjectNormalizer.Normalize(live));
            }
            else
            {
                WriteNormalizedRoot(writer, live);
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
        return new Fingerprint($"sha256:{hash}", JsonText.At(live, "/metadata/uid"), Generation(live));
    }

    private static long? Generation(JsonObject live) =>
        JsonPointer.Get(live, "/metadata/generation") is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? long.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Writes what <c>WriteSorted(ObjectNormalizer.Normalize(live))</c> writes, byte for byte, without the two copies
    /// of the object that takes: a plan reads every live object of the environment and fingerprints each.
    /// </summary>
    private static void WriteNormalizedRoot(Utf8JsonWriter writer, JsonObject live)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in SortedPresent(live))
        {
            if (key == "status")
            {
                continue;
            }

            writer.WritePropertyName(key);
            if (key == "metadata" && value is JsonObject metadata)
            {
                WriteMetadata(writer, metadata);
            }
            else
            {
                WriteSorted(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, JsonObject metadata)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in SortedPresent(metadata))
        {
            if (ObjectNormalizer.ServerMetadata.Contains(key))
            {
                continue;
            }

            if (key == "annotations" && value is JsonObject annotations)
            {
                // Normalize drops the annotations map when only server annotations were in it (nulls count: they go later).
                if (annotations.All(a => ObjectNormalizer.ServerAnnotations.Contains(a.Key)))
                {
                    continue;
                }

                writer.WritePropertyName(key);
                writer.WriteStartObject();
                foreach (var (name, text) in SortedPresent(annotations).Where(a => !ObjectNormalizer.ServerAnnotations.Contains(a.Key)))
                {
                    writer.WritePropertyName(name);
                    WriteSorted(writer, text);
                }

                writer.WriteEndObject();
                continue;
            }

            writer.WritePropertyName(key);
            WriteSorted(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Keys sorted ordinally, null members left out, array order kept (null items too).</summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in SortedPresent(obj))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> SortedPresent(JsonObject obj) =>
        obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal);
}
