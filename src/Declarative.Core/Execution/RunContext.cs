using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// What every node of one apply run shares: the providers, options, clock, token, the progress sink and the
/// recorder. Recorder calls are serialized (in order of completion) and never cancelled, so a resource that was
/// applied is written to the revision even when the run is being cancelled.
/// </summary>
internal sealed class RunContext(
    IReadOnlyDictionary<string, IResourceProvider> providers,
    ExecutionOptions options,
    IApplyRecorder recorder,
    IProgress<ApplyEvent> progress,
    TimeProvider clock,
    CancellationToken token,
    CancellationToken stopScheduling) : IDisposable
{
    private readonly SemaphoreSlim recorderGate = new(1, 1);
    private readonly CancellationTokenSource scheduling = CancellationTokenSource.CreateLinkedTokenSource(token, stopScheduling);
    private int cancelled;

    /// <summary>Aborts in-flight provider calls (the second signal, or the end of the grace period).</summary>
    public CancellationToken Token => token;

    /// <summary>Stops starting new work (the first signal); what is in flight goes on until <see cref="Token"/>.</summary>
    public CancellationToken SchedulingToken => scheduling.Token;

    public ExecutionOptions Options => options;

    public TimeProvider Clock => clock;

    /// <summary>Whether cancellation cut short at least one resource.</summary>
    public bool CutShort => Volatile.Read(ref cancelled) == 1;

    public IResourceProvider ProviderFor(ResourceChange change) => providers[change.Provider];

    public void MarkCutShort() => Interlocked.Exchange(ref cancelled, 1);

    public void Emit(ResourceAddress address, ApplyEventKind kind, string message) =>
        progress.Report(new ApplyEvent(address, kind, message, clock.GetUtcNow()));

    public Task RecordAppliedAsync(string provider, AppliedResource applied) =>
        OneAtATimeAsync(() => recorder.RecordAppliedAsync(provider, applied, CancellationToken.None));

    public Task RecordDeletedAsync(ResourceAddress address) =>
        OneAtATimeAsync(() => recorder.RecordDeletedAsync(address, CancellationToken.None));

    public void Dispose()
    {
        recorderGate.Dispose();
        scheduling.Dispose();
    }

    private async Task OneAtATimeAsync(Func<Task> write)
    {
        await recorderGate.WaitAsync(CancellationToken.None);
        try
        {
            await write();
        }
        finally
        {
            recorderGate.Release();
        }
    }
}
