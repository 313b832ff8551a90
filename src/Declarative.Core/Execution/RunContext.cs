using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// What every node of one apply run shares: the providers, options, clock, token, the progress sink and the
/// recorder. Recorder calls are made as resources finish, several at once when several finish together (the
/// revision history takes them concurrently, and its store writes them together: group commit), and are never
/// cancelled, so a resource that was applied is written to the revision even when the run is being cancelled.
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
    private readonly CancellationTokenSource scheduling = CancellationTokenSource.CreateLinkedTokenSource(token, stopScheduling);
    private int cancelled;

    /// <summary>Aborts in-flight provider calls (the second signal, or the end of the grace period).</summary>
    public CancellationToken Token => token;

    /// <summary>Stops starting new work (the first signal); what is in flight goes on until <see cref="Token"/>.</summary>
    public CancellationToken SchedulingToken => scheduling.Token;

    /// <summary>Whether new work must not start. Asked of the two sources, not of <see cref="SchedulingToken"/>: a
    /// linked source hears of a <c>CancelAsync</c> only when its callback runs, later, so a resource whose dependency
    /// was just cut short could otherwise be reported as skipped for that failure instead of for the cancellation.</summary>
    public bool SchedulingStopped => token.IsCancellationRequested || stopScheduling.IsCancellationRequested;

    public ExecutionOptions Options => options;

    public TimeProvider Clock => clock;

    /// <summary>Whether cancellation cut short at least one resource.</summary>
    public bool CutShort => Volatile.Read(ref cancelled) == 1;

    public IResourceProvider ProviderFor(ResourceChange change) => providers[change.Provider];

    public void MarkCutShort() => Interlocked.Exchange(ref cancelled, 1);

    public void Emit(ResourceAddress address, ApplyEventKind kind, string message) =>
        progress.Report(new ApplyEvent(address, kind, message, clock.GetUtcNow()));

    public Task RecordAppliedAsync(string provider, AppliedResource applied) =>
        recorder.RecordAppliedAsync(provider, applied, CancellationToken.None);

    public Task RecordDeletedAsync(ResourceAddress address) =>
        recorder.RecordDeletedAsync(address, CancellationToken.None);

    public void Dispose() => scheduling.Dispose();
}
