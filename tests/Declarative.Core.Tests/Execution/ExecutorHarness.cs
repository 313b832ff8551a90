using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Testing;
using Declarative.Testing.Fakes;

namespace Declarative.Core.Tests.Execution;

/// <summary>An executor over a gated <see cref="FakeProvider"/>, with a recorder and an event log to assert on.</summary>
internal sealed class ExecutorHarness
{
    public static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public ExecutorHarness() => Provider = new GatedProvider(Fake);

    public FakeProvider Fake { get; } = new(ExecutionFixtures.ProviderName);

    public GatedProvider Provider { get; }

    public RecordingRecorder Recorder { get; init; } = new();

    public EventLog Events { get; } = new();

    public TimeProvider Clock { get; init; } = new FixedClock(Now);

    /// <summary>The provider calls as text ("Apply ConfigMap/shop/settings"), in arrival order.</summary>
    public IReadOnlyList<string> Calls => [.. Fake.Calls.Select(c => c.ToString())];

    public static string Call(string method, ResourceAddress address) => new FakeCall(method, address).ToString();

    /// <summary>Runs the plan; a hung executor fails the test after 30 s instead of hanging the run.</summary>
    public Task<ApplyResult> RunAsync(Plan plan, ExecutionOptions? options = null, CancellationToken cancellationToken = default, CancellationToken stopScheduling = default) =>
        new Executor(new Dictionary<string, IResourceProvider> { [ExecutionFixtures.ProviderName] = Provider }, Clock)
            .ApplyAsync(plan, options ?? new ExecutionOptions(), Recorder, Events, cancellationToken, stopScheduling)
            .WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

    public int IndexOfCall(string method, ResourceAddress address)
    {
        var index = Calls.ToList().IndexOf(Call(method, address));
        Assert.True(index >= 0, $"{Call(method, address)} was never called; calls: {string.Join(", ", Calls)}");
        return index;
    }
}
