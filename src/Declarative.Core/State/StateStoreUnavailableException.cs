using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// A state store cannot be used: its server cannot be reached or refuses the credentials, the credentials may not do
/// what the store needs (RBAC, database grants), the database is missing or holds a schema from a newer Declarative,
/// the connection that held the lock dropped, or this build has no such store. <see cref="Store"/> names it ("the
/// kubernetes store in namespace declarative-system of cluster kind-dev"; server, database and user for postgres);
/// <see cref="Summary"/> and <see cref="Details"/> are ready for a DCL505 diagnostic, the last detail saying what to
/// check. Messages never carry a connection string, a password or a Secret's data.
/// </summary>
public sealed class StateStoreUnavailableException : Exception
{
    public StateStoreUnavailableException(string store, string summary, ImmutableArray<string> details, Exception? innerException = null)
        : base($"{summary}: {string.Join(" ", details)}", innerException)
    {
        Store = store;
        Summary = summary;
        Details = details;
    }

    public StateStoreUnavailableException()
        : this(string.Empty, "State store is unavailable", [])
    {
    }

    public StateStoreUnavailableException(string message)
        : this(string.Empty, message, [])
    {
    }

    public StateStoreUnavailableException(string message, Exception innerException)
        : this(string.Empty, message, [], innerException)
    {
    }

    public string Store { get; }

    public string Summary { get; }

    public ImmutableArray<string> Details { get; }
}
