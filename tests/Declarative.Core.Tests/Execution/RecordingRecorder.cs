using System.Collections.Concurrent;
using Declarative.Core.Execution;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Execution;

/// <summary>An <see cref="IApplyRecorder"/> that keeps what it was told, in order, and notices overlapping calls.</summary>
internal sealed class RecordingRecorder : IApplyRecorder
{
    private readonly ConcurrentQueue<string> entries = new();
    private readonly ConcurrentQueue<AppliedResource> applied = new();
    private int busy;
    private int overlaps;

    /// <summary>Recording this address throws an <see cref="IOException"/> (a full disk).</summary>
    public ResourceAddress? FailOn { get; init; }

    /// <summary>How long each call takes, so overlapping calls would be seen.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public IReadOnlyList<string> Entries => [.. entries];

    public IReadOnlyList<AppliedResource> Applied => [.. applied];

    public int Overlaps => Volatile.Read(ref overlaps);

    public async Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken)
    {
        await EnterAsync(applied.Address);
        this.applied.Enqueue(applied);
        entries.Enqueue($"applied {applied.Address}");
    }

    public async Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken)
    {
        await EnterAsync(address);
        entries.Enqueue($"deleted {address}");
    }

    private async Task EnterAsync(ResourceAddress address)
    {
        if (Interlocked.Increment(ref busy) > 1)
        {
            Interlocked.Increment(ref overlaps);
        }

        try
        {
            await Task.Delay(Latency);
            if (address == FailOn)
            {
                throw new IOException("No space left on device.");
            }
        }
        finally
        {
            Interlocked.Decrement(ref busy);
        }
    }
}
