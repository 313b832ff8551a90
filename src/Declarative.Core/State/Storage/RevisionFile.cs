using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.State.Storage;

/// <summary>
/// One revision file: <c>revision-000001.json</c>. Encodes with secret values sealed (refusing to write them in
/// clear when there is no key) and decodes with them opened, or masked as "(sensitive)" without a key. Every
/// problem is a <see cref="StateFileException"/> naming the file.
/// </summary>
internal static class RevisionFile
{
    private const string Prefix = "revision-";
    private const string Extension = ".json";

    public static string NameOf(int number) => $"{Prefix}{number.ToString("D6", CultureInfo.InvariantCulture)}{Extension}";

    /// <summary>The revision number a file name stands for, or null for any other file.</summary>
    public static int? NumberOf(string fileName) =>
        fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.EndsWith(Extension, StringComparison.Ordinal)
        && int.TryParse(fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static byte[] Encode(Revision revision, SecretSealer? sealer, string path)
    {
        var file = RevisionMapper.ToFile(revision, (content, paths) => Seal(content, paths, sealer, revision.Number, path));
        var text = JsonSerializer.Serialize(file, StateJsonContext.Files.StateFileV1) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    public static Revision Decode(byte[] bytes, SecretSealer? sealer, string path)
    {
        CheckVersion(bytes, path);
        try
        {
            // Straight from the bytes: going through a JsonNode tree first doubled the cost of reading a large history.
            var file = JsonSerializer.Deserialize(bytes, StateJsonContext.Files.StateFileV1) ?? throw new InvalidDataException("It is empty.");
            var revision = RevisionMapper.FromFile(file, content => Open(content, sealer, path));
            var named = NumberOf(Path.GetFileName(path));
            return named is null || named == revision.Number
                ? revision
                : throw new InvalidDataException($"It holds revision {revision.Number}, not revision {named} as its name says.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw Corrupt(path, ex.Message, ex);
        }
    }

    /// <summary>
    /// Revision <paramref name="number"/> in its canonical sealed form: read and checked as <see cref="Decode"/> reads
    /// it (format version, every field), its sealed values left sealed (no key is needed or used), then written again,
    /// so two stores holding the same revision give the same bytes whatever wrote them.
    /// </summary>
    public static SealedRevision ReadSealed(byte[] bytes, int number, string path)
    {
        CheckVersion(bytes, path);
        try
        {
            var file = JsonSerializer.Deserialize(bytes, StateJsonContext.Files.StateFileV1) ?? throw new InvalidDataException("It is empty.");
            var revision = RevisionMapper.FromFile(file, content => content);
            if (revision.Number != number)
            {
                throw new InvalidDataException($"It holds revision {revision.Number}, where revision {number} belongs.");
            }

            var canonical = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(file, StateJsonContext.Files.StateFileV1) + "\n");
            return new SealedRevision(revision.Number, revision.Status, revision.Operation, revision.StartedAt, revision.FinishedAt, canonical);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw Corrupt(path, ex.Message, ex);
        }
    }

    private static void CheckVersion(byte[] bytes, string path)
    {
        int? version;
        try
        {
            version = TopLevelFormatVersion(bytes, path);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, $"It is not valid JSON: {ex.Message}", ex);
        }

        if (version is null)
        {
            throw Corrupt(path, "It has no valid formatVersion.", null);
        }

        if (version > StateFileV1.Version)
        {
            throw Newer(path, version.Value);
        }
    }

    /// <summary>
    /// The top-level formatVersion, reading the whole document with a forward-only reader so that invalid JSON is
    /// still caught here: a JsonDocument of a large history's revision cost more than deserialising it.
    /// </summary>
    private static int? TopLevelFormatVersion(byte[] bytes, string path)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Corrupt(path, "It is not a JSON object.", null);
        }

        int? version = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("formatVersion"u8);
            reader.Read();
            if (isVersion)
            {
                version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && number >= 1 ? number : null;
            }
            else
            {
                reader.Skip();
            }
        }

        while (reader.Read())
        {
            // Anything after the root object is an error the reader throws on.
        }

        return version;
    }

    /// <summary>The object's formatVersion, or null when it has none that is valid.</summary>
    public static int? FormatVersion(JsonObject root) =>
        root["formatVersion"] is JsonValue value && value.TryGetValue<int>(out var version) && version >= 1 ? version : null;

    /// <summary><paramref name="where"/> (a file, or a line of one) was written in a format newer than this
    /// Declarative reads.</summary>
    public static StateFileException Newer(string path, int version, string? where = null) => new(
        path,
        "State file is from a newer Declarative",
        [
            $"{where ?? path} has format version {version}; this Declarative reads format versions up to {StateFileV1.Version}.",
            "Upgrade Declarative to the version that wrote the state (or newer) to read this environment's history.",
        ]);

    /// <summary>A copy of <paramref name="content"/> with the values under <paramref name="paths"/> sealed; without a
    /// key, secret values are refused (<see cref="StateKeyException"/>) rather than written in clear.</summary>
    public static JsonObject Seal(JsonObject content, ImmutableArray<string> paths, SecretSealer? sealer, int revision, string path)
    {
        if (sealer is not null)
        {
            return sealer.Seal(content, paths);
        }

        if (SealedValues.HasSensitiveLeaves(content, paths) || SealedValues.HasSealed(content))
        {
            throw new StateKeyException("No state key to seal secret values", [
                $"Revision {revision} ({path}) holds secret values, and they are never written in clear.",
                $"Set {StateKey.EnvironmentVariable} or let Declarative create ~/.config/declarative/state.key, then run the command again.",
            ]);
        }

        return (JsonObject)content.DeepClone();
    }

    /// <summary><paramref name="content"/> with its sealed values opened, or masked without a key: a copy when it
    /// holds any, else <paramref name="content"/> itself (callers pass objects freshly read from a file).</summary>
    public static JsonObject Open(JsonObject content, SecretSealer? sealer, string path)
    {
        if (!SealedValues.HasSealed(content))
        {
            return content;
        }

        if (sealer is null)
        {
            return SealedValues.Mask(content);
        }

        try
        {
            return sealer.Unseal(content);
        }
        catch (CryptographicException ex)
        {
            throw new StateFileException(path, "Cannot decrypt secret values in the state", [
                $"The secret values in {path} do not open with the current state key: it is not the key that wrote them, or the file was altered.",
                $"Use the key that wrote this state ({StateKey.EnvironmentVariable} or ~/.config/declarative/state.key).",
            ], ex);
        }
    }

    private static StateFileException Corrupt(string path, string problem, Exception? inner) => new(
        path,
        "State file is unreadable",
        [
            $"{path} is not a valid revision. {problem}",
            "Restore the file from a backup, or move it out of the state folder to drop that revision from the history.",
        ],
        inner);
}
