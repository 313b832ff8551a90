namespace Declarative.Core.State.Postgres;

/// <summary>
/// The bytes of the store's rows: a revision row's payload and a journal row's record are what
/// <see cref="RevisionCodec"/> writes for a local file (secret values sealed), so every store holds the same bytes. A
/// row that does not decode is a <see cref="StateFileException"/> naming the row and the SQL that restores or drops
/// it, in place of the codec's advice about files.
/// </summary>
internal sealed class PostgresRowCodec(PostgresScope scope, SecretSealer? sealer)
{
    private const string Unreadable = "State file is unreadable";

    public byte[] EncodeRevision(Revision revision) => RevisionCodec.EncodeRevision(revision, sealer, scope.RevisionRow(revision.Number));

    public byte[] EncodeRecord(int number, JournalRecord record) => RevisionCodec.EncodeJournalRecord(record, sealer, number, scope.RevisionRow(number));

    /// <summary>The revision in row <paramref name="number"/>; its payload must hold that number.</summary>
    public Revision DecodeRevision(int number, byte[] payload)
    {
        var where = scope.RevisionRow(number);
        var advice = RevisionAdvice(number);
        Revision revision;
        try
        {
            revision = RevisionCodec.DecodeRevision(payload, sealer, where);
        }
        catch (StateFileException ex) when (ex.Summary == Unreadable)
        {
            throw WithAdvice(ex, advice);
        }

        return revision.Number == number
            ? revision
            : throw new StateFileException(where, Unreadable, [$"{where} is not a valid revision. It holds revision {revision.Number}, not revision {number} as its row says.", advice]);
    }

    /// <summary>Row <paramref name="number"/>'s payload in canonical sealed form (<see cref="RevisionCodec.ReadSealed"/>),
    /// without the key.</summary>
    public SealedRevision ReadSealed(int number, byte[] payload)
    {
        try
        {
            return RevisionCodec.ReadSealed(payload, number, scope.RevisionRow(number));
        }
        catch (StateFileException ex) when (ex.Summary == Unreadable)
        {
            throw WithAdvice(ex, RevisionAdvice(number));
        }
    }

    /// <summary>The record in journal row <paramref name="seq"/> of revision <paramref name="number"/>: a row is written
    /// whole, so any damage is an error (no torn-last-line leniency as for a file).</summary>
    public JournalRecord DecodeRecord(int number, long seq, byte[] bytes)
    {
        try
        {
            return RevisionCodec.DecodeJournalRecord(bytes, sealer, scope.JournalRow(number, seq));
        }
        catch (StateFileException ex) when (ex.Summary == Unreadable)
        {
            throw WithAdvice(ex, $"Restore the row from a backup, or delete it to read the revision without that record (what it recorded is then missing from the inventory): DELETE FROM declarative_journal WHERE {scope.Where} AND revision = {number} AND seq = {seq};");
        }
    }

    private string RevisionAdvice(int number) =>
        $"Restore the row from a backup, or delete it to drop that revision from the history: DELETE FROM declarative_revisions WHERE {scope.Where} AND revision = {number}; (its journal rows go with it).";

    private static StateFileException WithAdvice(StateFileException error, string advice) =>
        new(error.Path, error.Summary, [.. error.Details.Take(error.Details.Length - 1), advice], error.InnerException);
}
