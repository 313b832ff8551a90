using Declarative.Core.State;

namespace Declarative.Cli;

/// <summary>A store and what it holds open (a Kubernetes client, PostgreSQL connections), released together.
/// Disposal is synchronous because the sessions that own stores are; a store that closes asynchronously (the
/// PostgreSQL store releases its lock and connections) is waited for here, in a console process without a
/// synchronisation context.</summary>
internal sealed class OpenedStore : IDisposable
{
    private readonly IDisposable? _owned;
    private readonly IAsyncDisposable? _ownedAsync;

    public OpenedStore(IStateStore store, IDisposable? owned)
    {
        Store = store;
        _owned = owned;
    }

    public OpenedStore(IStateStore store, IAsyncDisposable owned)
    {
        Store = store;
        _ownedAsync = owned;
    }

    public IStateStore Store { get; }

    /// <summary>Where the history is, for people: "folder state/dev", a namespace and label selector, a database
    /// table and the condition on its rows.</summary>
    public string Location { get; init; } = string.Empty;

    public void Dispose()
    {
        _owned?.Dispose();
        _ownedAsync?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
