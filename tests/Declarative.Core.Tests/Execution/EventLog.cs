using System.Collections.Concurrent;
using Declarative.Core.Execution;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Execution;

/// <summary>Collects apply events as a renderer would receive them.</summary>
internal sealed class EventLog : IProgress<ApplyEvent>
{
    private readonly ConcurrentQueue<ApplyEvent> events = new();

    public IReadOnlyList<ApplyEvent> All => [.. events];

    public void Report(ApplyEvent value) => events.Enqueue(value);

    /// <summary>Completes once <paramref name="address"/> has reported <paramref name="kind"/>; fails the test after 10 s.</summary>
    public async Task WhenReportedAsync(ResourceAddress address, ApplyEventKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!events.Any(e => e.Address == address && e.Kind == kind))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    public IReadOnlyList<(ApplyEventKind Kind, string Message)> For(ResourceAddress address) =>
        [.. events.Where(e => e.Address == address).Select(e => (e.Kind, e.Message))];
}
