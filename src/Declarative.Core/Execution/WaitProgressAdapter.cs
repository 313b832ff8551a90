using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>Passes a provider's wait observations on as Waiting events, synchronously (unlike
/// <see cref="Progress{T}"/>, which would post them to a synchronization context out of order).</summary>
internal sealed class WaitProgressAdapter(RunContext run, ResourceAddress address) : IProgress<WaitProgress>
{
    public void Report(WaitProgress value) => run.Emit(address, ApplyEventKind.Waiting, value.Message);
}
