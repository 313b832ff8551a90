using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// Carries out a plan (DESIGN "Apply"): starts each change as soon as its own dependencies are ready, within the
/// parallelism; applies, then waits per the provider's rules; substitutes unknowns from dependency outputs;
/// deletes prunes in reverse dependency order; a failure skips the failed node's dependents and lets independent
/// work finish. Every finished resource is reported to the recorder at once. docs/apply.md describes the run.
/// </summary>
public sealed class Executor(IReadOnlyDictionary<string, IResourceProvider> providers, TimeProvider clock)
{
    public IReadOnlyDictionary<string, IResourceProvider> Providers => providers;

    public TimeProvider Clock => clock;

    /// <summary>
    /// One outcome per change, in plan order. Provider failures are outcomes, not exceptions. Throws
    /// <see cref="ApplyCancelledException"/> (an <see cref="OperationCanceledException"/>, carrying the outcomes)
    /// when <paramref name="cancellationToken"/> cut the run short, after recording everything that finished; and
    /// <see cref="InvalidOperationException"/> for a plan it cannot carry out (duplicate address, unknown
    /// provider, dependency cycle), before touching anything. <paramref name="stopScheduling"/> (the first SIGINT) stops
    /// starting new work and lets in-flight calls finish; <paramref name="cancellationToken"/> aborts them too.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(Plan plan, ExecutionOptions options, IApplyRecorder recorder, IProgress<ApplyEvent> progress, CancellationToken cancellationToken, CancellationToken stopScheduling = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options));
        var nodes = ExecutionGraph.Build(plan, providers);
        using var context = new RunContext(providers, options, recorder, progress, clock, cancellationToken, stopScheduling);
        using var run = new ExecutionRun(nodes, context);
        var settled = await run.RunAsync();
        var result = new ApplyResult(ApplyConfidenceCheck.InPlanOrder(plan.Changes, settled));
        return context.CutShort ? throw new ApplyCancelledException(result, cancellationToken.IsCancellationRequested ? cancellationToken : stopScheduling) : result;
    }
}
