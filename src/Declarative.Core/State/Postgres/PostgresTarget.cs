using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>
/// Which server, database and user a store talks to, and how errors name it and its rows: everything of the
/// connection string except the password, which no message, log or exception ever holds.
/// </summary>
internal sealed record PostgresTarget(string Host, int Port, string Database, string User)
{
    public static PostgresTarget From(NpgsqlConnectionStringBuilder settings)
    {
        // Npgsql's own defaults: PGUSER or the OS user, and a database named after the user.
        var user = settings.Username ?? System.Environment.GetEnvironmentVariable("PGUSER") ?? System.Environment.UserName;
        var database = settings.Database ?? System.Environment.GetEnvironmentVariable("PGDATABASE") ?? user;
        return new(settings.Host ?? "localhost", settings.Port, database, user);
    }

    /// <summary>"PostgreSQL server db.example:5432, database "declarative", user "decl"".</summary>
    public string Describe() => $"PostgreSQL server {Host}:{Port}, database \"{Database}\", user \"{User}\"";

    /// <summary>"PostgreSQL db.example:5432/declarative": the prefix of every row's name.</summary>
    public string Server => $"PostgreSQL {Host}:{Port}/{Database}";

    public string RevisionRow(string project, string environment, int number) =>
        $"{Server}: declarative_revisions row (project \"{project}\", environment \"{environment}\", revision {number})";

    public string JournalRow(string project, string environment, int number, long seq) =>
        $"{Server}: declarative_journal row (project \"{project}\", environment \"{environment}\", revision {number}, seq {seq})";

    /// <summary>A text as an SQL string literal, for the statements error messages suggest.</summary>
    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
