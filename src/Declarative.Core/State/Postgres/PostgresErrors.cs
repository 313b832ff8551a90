using System.Net.Sockets;
using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>
/// What a failed call to the server means for the person running Declarative: which server, what went wrong, what to
/// check. Messages come from the server or the socket, never from the connection string, so they hold no password.
/// </summary>
internal static class PostgresErrors
{
    public static StateStoreUnavailableException Unavailable(PostgresTarget target, NpgsqlException error)
    {
        var server = target.Describe();
        if (error is PostgresException failure)
        {
            return failure.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new(
                    server,
                    "PostgreSQL refused the state store's credentials",
                    [
                        $"{server}: {failure.MessageText}.",
                        "Check the user name and the password the connection string gives (or PGPASSWORD, or the passfile), and that pg_hba.conf lets this user connect to this database from this machine.",
                    ],
                    error),
                PostgresErrorCodes.InvalidCatalogName => new(
                    server,
                    "The state store's database does not exist",
                    [
                        $"{server}: {failure.MessageText}.",
                        $"Create it (CREATE DATABASE {target.Database};) or name an existing one with Database= in the connection string.",
                    ],
                    error),
                PostgresErrorCodes.InsufficientPrivilege => new(
                    server,
                    "The state store's user lacks a privilege",
                    [
                        $"{server}: {failure.MessageText}.",
                        "Grant the privileges docs/state.md lists for the PostgreSQL store (the first run creates the tables; later runs read and write them), or connect as a user that has them.",
                    ],
                    error),
                _ => new(
                    server,
                    "The PostgreSQL state store failed",
                    [
                        $"{server}: {failure.SqlState}: {failure.MessageText}.",
                        "Check the server's log for this error, then run the command again.",
                    ],
                    error),
            };
        }

        var cause = Cause(error);
        return new(
            server,
            "Cannot reach the PostgreSQL state store",
            [
                $"{server}: {cause}",
                "Check that the server runs and accepts connections, that Host and Port in the connection string are right, and that this machine can reach it (firewall, VPN).",
            ],
            error);
    }

    /// <summary>The connection that held the lock broke: the server freed the lock, and another run may hold it now.</summary>
    public static StateStoreUnavailableException LostLock(PostgresTarget target, string project, string environment, Exception error) => new(
        target.Describe(),
        "Lost the state lock",
        [
            $"The connection to {target.Server} that held the lock of project \"{project}\", environment \"{environment}\" broke: {Cause(error)}",
            "The server freed the lock with the connection, and another run may hold it now, so this run writes nothing more to the state. Check the server and the network, then run the command again: the next run takes over this run's pending revision.",
        ],
        error);

    private static string Cause(Exception error) => error.InnerException switch
    {
        SocketException socket => $"{socket.Message}.",
        TimeoutException => "it did not answer in time.",
        { } inner when error is not PostgresException => $"{error.Message} ({inner.Message})",
        _ => error.Message,
    };
}
