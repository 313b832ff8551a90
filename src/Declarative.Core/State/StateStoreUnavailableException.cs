using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// A state store cannot be used: its server cannot be reached, the credentials may not do what the store needs
/// (RBAC, database grants), it has no connection string, or this build has no such store. <see cref="Store"/>
/// names it ("the kubernetes store in namespace declarative-system of cluster kind-dev"); <see cref="Summary"/> and
/// <see cref="Details"/> are ready for a DCL505 diagnostic, the last detail saying what to check. Messages never
/// carry a connection string or a Secret's data.
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
