using System.Collections.Immutable;
using Declarative.Core.State.Storage;

namespace Declarative.Core.State;

/// <summary>
/// The bytes every store keeps: a revision as the local store's file holds it (JSON, <c>formatVersion</c>, secret
/// values sealed), and journal records as JSON lines. Remote stores (Kubernetes Secrets, PostgreSQL rows) store
/// these same bytes, so one format, one upgrade path and one sealing rule serve them all. <paramref name="where"/>
/// names the record in errors (a file path, a Secret, a table row); problems are <see cref="StateFileException"/>s.
/// </summary>
public static class RevisionCodec
{
    /// <summary>The revision with its secret values sealed; without a key a secret value is refused, never written
    /// in clear.</summary>
    public static byte[] EncodeRevision(Revision revision, SecretSealer? sealer, string where) =>
        RevisionFile.Encode(revision, sealer, where);

    /// <summary>Reads what <see cref="EncodeRevision"/> wrote (or an older format); a newer format is refused.</summary>
    public static Revision DecodeRevision(byte[] bytes, SecretSealer? sealer, string where) =>
        RevisionFile.Decode(bytes, sealer, where);

    /// <summary>Revision <paramref name="number"/>'s bytes as read from a store, checked and in canonical form, secret
    /// values still sealed: what a migration copies and checksums. The key is neither needed nor used.</summary>
    public static SealedRevision ReadSealed(byte[] bytes, int number, string where) =>
        RevisionFile.ReadSealed(bytes, number, where);

    /// <summary>One journal line, newline included.</summary>
    public static byte[] EncodeJournalRecord(JournalRecord record, SecretSealer? sealer, int revision, string where) =>
        JournalFile.Encode(record, sealer, revision, where);

    /// <summary>One journal record that was stored whole (a table row, an object): unlike a file's last line it cannot
    /// be torn, so any damage is an error naming <paramref name="where"/>.</summary>
    public static JournalRecord DecodeJournalRecord(ReadOnlySpan<byte> bytes, SecretSealer? sealer, string where) =>
        JournalFile.DecodeOne(bytes, sealer, where);

    /// <summary>Journal lines, in order: a torn last line is ignored, any other bad line is an error naming it.</summary>
    public static ImmutableArray<JournalRecord> DecodeJournal(ReadOnlySpan<byte> bytes, SecretSealer? sealer, string where) =>
        JournalFile.Decode(bytes, sealer, where);
}
