using System.Text;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// A <c>!!binary</c> scalar as goyaml.v2 reads it: standard base64 with padding, where only line breaks may
/// sit between the characters (Go's base64.StdEncoding). The bytes become a Go string, which sigs.k8s.io/yaml
/// then writes to JSON as UTF-8 text.
/// </summary>
internal static class BinaryScalar
{
    public const string Tag = ScalarResolver.TagPrefix + "binary";

    /// <summary>The decoded text, or null when <paramref name="text"/> is not base64 that Go would accept.</summary>
    public static string? Decode(string text)
    {
        // .NET skips spaces and tabs inside base64; Go's decoder rejects them.
        if (text.Contains(' ', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var compact = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var bytes = new byte[((compact.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(compact, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
