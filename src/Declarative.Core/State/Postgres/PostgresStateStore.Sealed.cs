using System.Collections.Immutable;
using Declarative.Core.State.Storage;
using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>The revision rows as sealed bytes, for <c>decl state migrate</c>: read and inserted without the key.</summary>
public sealed partial class PostgresStateStore : ISealedRevisionStore
{
    /// <summary>Where the history lives, for people: the server and database, the table and the rows' condition.</summary>
    public string Location => $"{scope.Target.Server}, table declarative_revisions (rows WHERE {scope.Where})";

    public Task<ImmutableArray<SealedRevision>> ReadSealedAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        await using var command = Scoped(connection, "SELECT revision, payload FROM declarative_revisions WHERE project = $1 AND environment = $2 ORDER BY revision");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = ImmutableArray.CreateBuilder<SealedRevision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(rows.ReadSealed(reader.GetInt32(0), reader.GetFieldValue<byte[]>(1)));
        }

        return revisions.ToImmutable();
    });

    public async Task WriteSealedAsync(SealedRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        await WriteAsync(
            async connection =>
            {
                // No ON CONFLICT: a copy never replaces a revision, so an existing row is the primary key's error.
                await using var command = Scoped(
                    connection,
                    """
                    INSERT INTO declarative_revisions (project, environment, revision, status, operation, started_at, finished_at, saved_at, payload)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    """);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = revision.Number });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EnumWords.Word(revision.Status) });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EnumWords.Word(revision.Operation) });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = revision.StartedAt.ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = revision.FinishedAt?.ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
                command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = revision.Bytes });
                try
                {
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    throw new InvalidOperationException($"Revision {revision.Number} is already in the store ({scope.RevisionRow(revision.Number)}): a copy never replaces a revision.", ex);
                }
            },
            cancellationToken);
    }
}
