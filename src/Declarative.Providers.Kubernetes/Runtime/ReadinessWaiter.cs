using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Readiness;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>WaitAsync: follows the object (through the shared watch of its kind and namespace) until its readiness
/// rule says ready or failed, reporting each new observation; the deadline ends it with a failed result carrying the
/// last observed state.</summary>
internal sealed class ReadinessWaiter(ObjectWatcher watcher, KubernetesProviderOptions options)
{
    public async Task<WaitResult> WaitAsync(KubeResource resource, AppliedResource applied, string? ns, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        var mode = WaitModes.Of(applied.Object);
        var displayName = $"{applied.Type.Kind} {applied.Address.Name}";
        var last = ReadinessRules.Evaluate(null, mode, displayName);
        if (mode == WaitMode.None)
        {
            progress.Report(new WaitProgress(applied.Address, last.Message));
            return WaitResult.Success;
        }

        string? reported = null;
        bool Observe(JsonObject? obj)
        {
            last = ReadinessRules.Evaluate(obj, mode, displayName);
            if (last.Message != reported)
            {
                reported = last.Message;
                progress.Report(new WaitProgress(applied.Address, last.Message));
            }

            return last.IsFinished;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = deadline - options.TimeProvider.GetUtcNow();
        timeout.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        try
        {
            // States the shared watch holds from before this apply are not the result of it.
            await watcher.WatchUntilAsync(resource, ns, applied.Address.Name, applied.Outputs["resourceVersion"], Observe, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WaitResult.Failed("Timeout", $"{displayName} was not ready by the deadline; last observed: {last.Message}.");
        }

        return last.Phase == ReadinessPhase.Ready ? WaitResult.Success : WaitResult.Failed(last.Reason ?? "Failed", last.Message);
    }
}
