using Declarative.Core.State;
using Declarative.Testing;
using Declarative.Testing.StateContract;

namespace Declarative.Core.Tests.State;

/// <summary>The in-memory store keeps <see cref="Revision"/> objects, not bytes, so it honours the behaviour part of the
/// contract only (no sealing at rest, no format versions, nothing to damage). Every "process" shares one store per
/// project and environment.</summary>
public sealed class InMemoryStateStoreContractTests : StateStoreBehaviourContract
{
    private readonly Dictionary<StoreName, InMemoryStateStore> stores = [];

    protected override Task<IStateStore> OpenStoreAsync(StoreName name, StateKey? key)
    {
        if (!stores.TryGetValue(name, out var store))
        {
            stores[name] = store = new InMemoryStateStore(name.Environment);
        }

        return Task.FromResult<IStateStore>(store);
    }

    protected override Task KillHolderAsync(StoreName name, IStateLock held)
    {
        stores[name].KillHolder(held);
        return Task.CompletedTask;
    }
}
