using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// A replace that never loses the object: the new object is checked first (the offline rules of
/// <see cref="ReplacementRules"/>, then a server dry-run create, whose 409 AlreadyExists comes only after admission
/// and validation passed), and only then is the live object deleted and the new one created. When the server still
/// refuses the new object, the previous one is recreated from the last applied state (or, without one, from the
/// live object as it was) and the error says both.
/// </summary>
internal sealed class ObjectReplacer(IKubeClient client, KubernetesProviderOptions options, ObjectDeleter deleter)
{
    private KubeApplyOptions ApplyOptions => new(options.FieldManager, options.ForceConflicts);

    public async Task<JsonObject> ReplaceAsync(KubeResource resource, string? ns, JsonObject replacement, LiveResource live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        var address = live.Address;
        await CheckAsync(resource, address, replacement, cancellationToken).ConfigureAwait(false);
        await deleter.DeleteAsync(resource, ns, live, new DeleteOptions(options.ReplacePropagation), cancellationToken).ConfigureAwait(false);
        try
        {
            return await client.ApplyAsync(resource, replacement, ApplyOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException refused)
        {
            throw await RestoreAsync(resource, address, live, lastApplied, refused, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckAsync(KubeResource resource, ResourceAddress address, JsonObject replacement, CancellationToken cancellationToken)
    {
        if (ReplacementRules.Refusal(replacement) is { } problem)
        {
            throw new KubeApiException(422, "Invalid", NotReplaced(address, problem));
        }

        try
        {
            await client.CreateAsync(resource, replacement, new KubeCreateOptions(options.FieldManager, DryRun: true), cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (error.Reason == "AlreadyExists" || HoldsOnlyTakenAddresses(error))
        {
            // The new object passed admission and validation; only the one it replaces is in the way.
        }
        catch (KubeApiException error)
        {
            throw new KubeApiException(error.Code, error.Reason, NotReplaced(address, KubeErrors.ServerWords(error)), error.Causes, error.Status);
        }
    }

    private async Task<KubeApiException> RestoreAsync(KubeResource resource, ResourceAddress address, LiveResource live, AppliedResource? lastApplied, KubeApiException refused, CancellationToken cancellationToken)
    {
        var (previous, source) = lastApplied is not null
            ? ((JsonObject)lastApplied.Object.DeepClone(), "its last applied state")
            : (ObjectNormalizer.Normalize(live.Object), "the live object as it was");
        var failure = $"{address} was deleted to be replaced, but the server refused the new object: {KubeErrors.ServerWords(refused)}.";
        try
        {
            await client.ApplyAsync(resource, previous, ApplyOptions, cancellationToken).ConfigureAwait(false);
            return new KubeApiException(refused.Code, refused.Reason, $"{failure} The previous object was created again from {source}; fix the manifest and apply again.", refused.Causes, refused.Status);
        }
        catch (KubeApiException restore)
        {
            return new KubeApiException(refused.Code, refused.Reason, $"{failure} Creating the previous object again from {source} failed too: {KubeErrors.ServerWords(restore)}. {address} does not exist now; fix the manifest and apply again to create it.", refused.Causes, refused.Status);
        }
    }

    private static string NotReplaced(ResourceAddress address, string problem) =>
        $"{address} was not replaced, because the server would refuse its new object: {problem.TrimEnd('.')}. The running object was left in place; fix the manifest and apply again.";

    /// <summary>A Service's fixed clusterIP or nodePort is "already allocated" while the Service it replaces holds
    /// it; that is no reason to refuse the replacement.</summary>
    private static bool HoldsOnlyTakenAddresses(KubeApiException error) =>
        error.IsInvalid && !error.Causes.IsEmpty && error.Causes.All(c => c.Message.Contains("already allocated", StringComparison.Ordinal));
}
