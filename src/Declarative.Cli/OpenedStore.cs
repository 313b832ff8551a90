using Declarative.Core.State;

namespace Declarative.Cli;

/// <summary>An environment's store and what it needs kept open (a Kubernetes client); dispose when done.</summary>
internal sealed class OpenedStore(IStateStore store, IDisposable? owned) : IDisposable
{
    public IStateStore Store => store;

    public void Dispose() => owned?.Dispose();
}
