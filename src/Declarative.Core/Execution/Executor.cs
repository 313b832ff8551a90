using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// Carries out a plan (DESIGN "Apply"): starts each change as soon as its own dependencies are ready, within the
/// parallelism; applies, then waits per the provider's rules; substitutes unknowns from dependency outputs;
/// deletes prunes in reverse dependency order; a failure skips the failed node's dependents and lets independent
/// work finish. Every finished resource is reported to the recorder at once.
/// </summary>
public sealed class Executor(IReadOnlyDictionary<string, IResourceProvider> providers, TimeProvider clock)
{
    public IReadOnlyDictionary<string, IResourceProvider> Providers => providers;

    public TimeProvider Clock => clock;

    public Task<ApplyResult> ApplyAsync(Plan plan, ExecutionOptions options, IApplyRecorder recorder, IProgress<ApplyEvent> progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
