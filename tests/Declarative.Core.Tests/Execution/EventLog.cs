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

    public IReadOnlyList<(ApplyEventKind Kind, string Message)> For(ResourceAddress address) =>
        [.. events.Where(e => e.Address == address).Select(e => (e.Kind, e.Message))];
}
