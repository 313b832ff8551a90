using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Testing.Fakes;

/// <summary>What a test asked <see cref="FakeProvider"/> to do besides succeeding. Thread-safe.</summary>
internal sealed class FakeBehaviours
{
    private readonly Lock gate = new();
    private readonly Dictionary<ResourceAddress, string> applyFailures = [];
    private readonly Dictionary<ResourceAddress, WaitResult> waitResults = [];
    private readonly Dictionary<ResourceAddress, ResourceOutputs> outputs = [];
    private readonly HashSet<(string Method, ResourceAddress? Address)> stalls = [];
    private ImmutableArray<string> immutablePaths = [];

    public ImmutableArray<string> ImmutablePaths
    {
        get { lock (gate) { return immutablePaths; } }
    }

    public void FailApply(ResourceAddress address, string message) => Locked(() => applyFailures[address] = message);

    public void FailWait(ResourceAddress address, WaitResult result) => Locked(() => waitResults[address] = result);

    public void Stall(string method, ResourceAddress? address) => Locked(() => stalls.Add((method, address)));

    public void SetOutputs(ResourceAddress address, ResourceOutputs values) => Locked(() => outputs[address] = values);

    public void AddImmutablePath(string path) => Locked(() => immutablePaths = immutablePaths.Add(path));

    public string? ApplyFailure(ResourceAddress address) => Locked(() => applyFailures.GetValueOrDefault(address));

    public WaitResult WaitResult(ResourceAddress address) => Locked(() => waitResults.GetValueOrDefault(address, Core.Providers.WaitResult.Success));

    public ResourceOutputs Outputs(ResourceAddress address) => Locked(() => outputs.GetValueOrDefault(address, ResourceOutputs.Empty));

    /// <summary>A stall set without an address stalls that method for every address.</summary>
    public bool IsStalled(string method, ResourceAddress? address) =>
        Locked(() => stalls.Contains((method, null)) || (address is not null && stalls.Contains((method, address))));

    private T Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }

    private void Locked(Action action)
    {
        lock (gate)
        {
            action();
        }
    }
}
