using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog.Rules;

/// <summary>
/// ValidateConfigMap's and ValidateSecret's size rule: the values of a ConfigMap (data and binaryData) or a Secret
/// (decoded data, and stringData, which the server merges into it) may hold at most 1 MiB together, or the server
/// refuses the object ("Too long: must have at most 1048576 bytes"). Keys do not count, as on the server.
/// </summary>
internal static class SizeRules
{
    public const int MaxBytes = 1024 * 1024;

    public static IEnumerable<Diagnostic> ConfigMap(RenderedDocument document) =>
        Check(document, "ConfigMap", TextBytes(document.Content["data"]) + DecodedBytes(document.Content["binaryData"]));

    public static IEnumerable<Diagnostic> Secret(RenderedDocument document) =>
        Check(document, "Secret", DecodedBytes(document.Content["data"]) + TextBytes(document.Content["stringData"]));

    private static IEnumerable<Diagnostic> Check(RenderedDocument document, string kind, long bytes)
    {
        if (bytes <= MaxBytes)
        {
            return [];
        }

        return [Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"{kind} too large",
            document.Source.Locate("/metadata/name"),
            string.Create(CultureInfo.InvariantCulture, $"The values of this {kind} hold {bytes:N0} bytes; the API server refuses a {kind} over {MaxBytes:N0} bytes (Too long: must have at most {MaxBytes} bytes)."),
            kind == "Secret"
                ? "Split the values over several Secrets, or keep large files outside Kubernetes and mount them another way."
                : "Split the values over several ConfigMaps, or keep large files in an image or a volume instead.")];
    }

    private static long TextBytes(JsonNode? map) =>
        map is JsonObject values ? values.Sum(entry => JsonText.Of(entry.Value) is { } text ? (long)Encoding.UTF8.GetByteCount(text) : 0) : 0;

    /// <summary>The bytes base64 values stand for, from their length: an invalid value is another rule's finding.</summary>
    private static long DecodedBytes(JsonNode? map) =>
        map is JsonObject values ? values.Sum(entry => JsonText.Of(entry.Value) is { } text ? DecodedLength(text) : 0) : 0;

    private static long DecodedLength(string encoded)
    {
        var padding = encoded.EndsWith("==", StringComparison.Ordinal) ? 2 : encoded.EndsWith('=') ? 1 : 0;
        return Math.Max(0, (encoded.Length / 4 * 3) - padding);
    }
}
