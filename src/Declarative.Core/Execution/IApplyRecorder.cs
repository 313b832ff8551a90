using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>The executor reports every finished resource here, so the revision records each one: a run that dies
/// half-way leaves an inventory that says exactly what exists. Implementations take concurrent calls (resources that
/// finish together are reported together); calls for one resource come one after the other.</summary>
public interface IApplyRecorder
{
    Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken);

    Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken);
}
