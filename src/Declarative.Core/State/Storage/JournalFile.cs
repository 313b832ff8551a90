using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.State.Storage;

/// <summary>
/// A pending revision's journal: <c>revision-000002.journal.jsonl</c> beside <c>revision-000002.json</c>, one
/// <see cref="JournalRecordV1"/> per line, secret values sealed as in the revision file. Reading ignores a torn last
/// line (the process died while writing it, so its call never returned) and refuses any other unreadable line with
/// a <see cref="StateFileException"/> naming the file and the line.
/// </summary>
internal static class JournalFile
{
    private const string Suffix = ".journal.jsonl";

    public static string NameOf(int number) => Path.GetFileNameWithoutExtension(RevisionFile.NameOf(number)) + Suffix;

    /// <summary>One line: the record, then a newline.</summary>
    public static byte[] Encode(JournalRecord record, SecretSealer? sealer, int revision, string path)
    {
        var line = record switch
        {
            JournalRecord.Applied applied => new JournalRecordV1
            {
                FormatVersion = JournalRecordV1.Version,
                Applied = RevisionMapper.ToFile(applied.Entry, (content, paths) => RevisionFile.Seal(content, paths, sealer, revision, path)),
            },
            JournalRecord.Deleted deleted => new JournalRecordV1 { FormatVersion = JournalRecordV1.Version, Deleted = RevisionMapper.ToFile(deleted.Address) },
            _ => throw new ArgumentException($"Unknown journal record {record.GetType().Name}.", nameof(record)),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(line, StateJsonContext.Lines.JournalRecordV1);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>The records of a journal, in order; none when the file does not exist.</summary>
    public static async Task<ImmutableArray<JournalRecord>> ReadAsync(string path, SecretSealer? sealer, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            // Shared for writing: a run of this process may be appending while, say, `history` reads.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using (stream)
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                bytes = copy.ToArray();
            }
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        return Decode(bytes, sealer, path);
    }

    public static ImmutableArray<JournalRecord> Decode(ReadOnlySpan<byte> bytes, SecretSealer? sealer, string path)
    {
        var records = ImmutableArray.CreateBuilder<JournalRecord>();
        var line = 0;
        while (!bytes.IsEmpty)
        {
            line++;
            var newline = bytes.IndexOf((byte)'\n');
            var text = newline < 0 ? bytes : bytes[..newline];
            bytes = newline < 0 ? [] : bytes[(newline + 1)..];
            if (Parse(text, path, line, isLast: bytes.IsEmpty) is { } root)
            {
                records.Add(Decode(root, sealer, path, line));
            }
        }

        return records.ToImmutable();
    }

    /// <summary>One record stored whole (a table row): no torn-write leniency, any damage is an error naming
    /// <paramref name="where"/>.</summary>
    public static JournalRecord DecodeOne(ReadOnlySpan<byte> bytes, SecretSealer? sealer, string where)
    {
        var text = bytes.TrimEnd((byte)'\n');
        if (text.IndexOf((byte)'\n') >= 0)
        {
            throw Corrupt(where, null, "It holds more than one line.", null);
        }

        var root = Parse(text, where, null, isLast: false)!; // Never null when not the last line.
        return Decode(root, sealer, where, null);
    }

    /// <summary>The line as JSON; null for a torn last line.</summary>
    private static JsonObject? Parse(ReadOnlySpan<byte> text, string path, int? line, bool isLast)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException) when (isLast)
        {
            return null;
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, line, $"It is not valid JSON: {ex.Message}", ex);
        }

        return node as JsonObject ?? throw Corrupt(path, line, "It is not a JSON object.", null);
    }

    private static JournalRecord Decode(JsonObject root, SecretSealer? sealer, string path, int? line)
    {
        switch (RevisionFile.FormatVersion(root))
        {
            case null:
                throw Corrupt(path, line, "It has no valid formatVersion.", null);
            case int version when version > JournalRecordV1.Version:
                throw RevisionFile.Newer(path, version, Where(path, line));
        }

        try
        {
            var file = root.Deserialize(StateJsonContext.Lines.JournalRecordV1) ?? throw new InvalidDataException("It is empty.");
            return file switch
            {
                { Applied: { } entry, Deleted: null } => new JournalRecord.Applied(RevisionMapper.FromFile(entry, content => RevisionFile.Open(content, sealer, path))),
                { Applied: null, Deleted: { } address } => new JournalRecord.Deleted(RevisionMapper.FromFile(address)),
                _ => throw new InvalidDataException("It must hold exactly one of \"applied\" and \"deleted\"."),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw Corrupt(path, line, ex.Message, ex);
        }
    }

    private static string Where(string path, int? line) => line is null ? path : $"{path} line {line}";

    private static StateFileException Corrupt(string path, int? line, string problem, Exception? inner) => new(
        path,
        "State file is unreadable",
        [
            $"{Where(path, line)} is not a valid journal record. {problem}",
            "Restore the file from a backup, or move it out of the state folder to read the revision as it was begun (what the journal recorded is then missing from its inventory).",
        ],
        inner);
}
