using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// A payload as the store keeps it: gzip-compressed, then cut into parts of at most the chunk size (one Secret
/// each, well under the API server's 1 MiB limit on a Secret's data). Every part carries the count of parts and the
/// checksum of the whole compressed payload, so a set with a part missing, or one part from another write, is found
/// before anything is decompressed.
/// </summary>
internal sealed record SecretPayload(ImmutableArray<byte[]> Parts, string Checksum)
{
    /// <summary>The data key every part holds its bytes under.</summary>
    public const string DataKey = "payload";

    /// <summary>The default part size: half the limit leaves room for metadata and for the base64 of the JSON body.</summary>
    public const int DefaultChunkBytes = 512 * 1024;

    /// <summary>The API server refuses a Secret whose data passes this many bytes.</summary>
    public const int SecretDataLimit = 1024 * 1024;

    public static SecretPayload Of(byte[] content, int chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkBytes, SecretDataLimit);
        var compressed = Compress(content);
        var parts = ImmutableArray.CreateBuilder<byte[]>();
        for (var offset = 0; offset < compressed.Length || parts.Count == 0; offset += chunkBytes)
        {
            parts.Add(compressed.AsSpan(offset, Math.Min(chunkBytes, compressed.Length - offset)).ToArray());
        }

        return new SecretPayload(parts.ToImmutable(), ChecksumOf(compressed));
    }

    public static string ChecksumOf(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The part's bytes, or null when its data holds none (or not base64).</summary>
    public static byte[]? DataOf(JsonObject secret)
    {
        if (secret["data"]?[DataKey] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static JsonObject Data(byte[] part) => new() { [DataKey] = Convert.ToBase64String(part) };

    /// <summary>
    /// The content of <paramref name="parts"/> (index, Secret) that claim <paramref name="count"/> parts and
    /// <paramref name="checksum"/>: <paramref name="corrupt"/> builds the error (naming the Secrets) for a missing or
    /// duplicate part, a part that disagrees on the count or checksum, a checksum mismatch, or data that does not
    /// decompress.
    /// </summary>
    public static byte[] Assemble(IReadOnlyList<(int Index, JsonObject Secret)> parts, int count, string checksum, Func<string, Exception?, Exception> corrupt)
    {
        var names = string.Join(", ", parts.OrderBy(p => p.Index).Select(p => StateLabels.Name(p.Secret)));
        var byIndex = new SortedDictionary<int, JsonObject>();
        foreach (var (index, secret) in parts)
        {
            if (!byIndex.TryAdd(index, secret))
            {
                throw corrupt($"Part {index} appears twice ({names}).", null);
            }

            if (StateLabels.IntAnnotation(secret, StateLabels.Parts) != count || StateLabels.Annotation(secret, StateLabels.Checksum) != checksum)
            {
                throw corrupt($"Secret {StateLabels.Name(secret)} belongs to another write: its part count or checksum differs.", null);
            }
        }

        var missing = Enumerable.Range(0, count).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0 || byIndex.Count != count)
        {
            var found = byIndex.Count == 0 ? "none" : names;
            throw corrupt($"It has {count} part(s), and part(s) {string.Join(", ", missing.Count > 0 ? missing : byIndex.Keys.Where(k => k >= count))} are missing or extra (found: {found}).", null);
        }

        using var joined = new MemoryStream();
        foreach (var (index, secret) in byIndex)
        {
            var data = DataOf(secret) ?? throw corrupt($"Secret {StateLabels.Name(secret)} (part {index}) holds no base64 data under \"{DataKey}\".", null);
            joined.Write(data);
        }

        var bytes = joined.ToArray();
        if (ChecksumOf(bytes) != checksum)
        {
            throw corrupt($"The parts ({names}) do not match their checksum {checksum}: one was changed or truncated.", null);
        }

        try
        {
            return Decompress(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw corrupt($"The parts ({names}) are not valid gzip data: {ex.Message}", ex);
        }
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
