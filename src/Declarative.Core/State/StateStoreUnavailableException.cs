using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// A remote state store cannot be used: the server does not answer, refuses the credentials, lacks the database or a
/// privilege, holds a schema from a newer Declarative, or dropped the connection that held the lock.
/// <see cref="Store"/> names the store (server, database, user; never a password); <see cref="Summary"/> and
/// <see cref="Details"/> are ready for a DCL5xx diagnostic, the last detail saying what to check.
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
