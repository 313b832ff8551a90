using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// Whether a saved plan still describes the world it was made from (DESIGN "Plan"): the environment's latest
/// revision is still the plan's base, the target is the same, and every object's live fingerprint (hash of the
/// normalized object, uid, generation) is unchanged, so status writes by controllers do not make a plan stale.
/// Run it under the environment's lock, right before applying.
/// </summary>
public static class SavedPlanCheck
{
    /// <summary>The code of a stale saved plan (to move to DiagnosticCodes as SavedPlanStale).</summary>
    public const string StaleCode = DiagnosticCodes.SavedPlanStale;

    private static readonly string[] ServerFields =
        ["status", "metadata.resourceVersion", "metadata.managedFields", "metadata.generation", "metadata.uid", "metadata.creationTimestamp", "metadata.selfLink"];

    /// <summary>One error naming every reason the plan is stale, or none when it can be applied as it is.</summary>
    public static async Task<ImmutableArray<Diagnostic>> CheckAsync(
        Plan plan, IStateStore store, IReadOnlyDictionary<string, IResourceProvider> providers, TargetIdentity target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        var reasons = new List<string>();
        var latest = (await store.GetLatestAsync(cancellationToken))?.Number;
        if (latest != plan.BaseRevision)
        {
            reasons.Add($"It was made from {RevisionText(plan.BaseRevision)}, and environment \"{plan.Environment}\" is now at {RevisionText(latest)}.");
        }

        reasons.AddRange(TargetChanges(plan.Target, target));
        reasons.AddRange(await ChangedObjectsAsync(plan, providers, cancellationToken));
        return reasons.Count == 0
            ? []
            : [Diagnostic.Error(StaleCode, "Saved plan is stale", null, [.. reasons, "Run decl plan again, review it, and apply the new plan."])];
    }

    private static string RevisionText(int? number) => number is { } n ? $"revision {n}" : "no revision";

    private static IEnumerable<string> TargetChanges(TargetIdentity saved, TargetIdentity current)
    {
        if (saved.KubernetesServer is not null && current.KubernetesServer != saved.KubernetesServer)
        {
            yield return $"It was made against the Kubernetes server {saved.KubernetesServer}, and this run targets {current.KubernetesServer ?? "none"}.";
        }

        if (saved.DockerHost is not null && current.DockerHost != saved.DockerHost)
        {
            yield return $"It was made against the Docker host {saved.DockerHost}, and this run targets {current.DockerHost ?? "none"}.";
        }
    }

    private static async Task<List<string>> ChangedObjectsAsync(Plan plan, IReadOnlyDictionary<string, IResourceProvider> providers, CancellationToken cancellationToken)
    {
        var owner = new OwnerSelector(plan.Project, plan.Environment);
        var reasons = new List<string>();
        foreach (var group in plan.Changes.GroupBy(c => c.Provider, StringComparer.Ordinal))
        {
            if (!providers.TryGetValue(group.Key, out var provider))
            {
                reasons.Add($"The {group.Key} provider is not available to check {group.First().Address} and the other objects it owns.");
                continue;
            }

            var read = await provider.ReadAsync([.. group.Select(c => c.Address)], owner, cancellationToken);
            reasons.AddRange(group.Select(c => Staleness(c, read.Live.GetValueOrDefault(c.Address))).OfType<string>());
        }

        return reasons;
    }

    private static string? Staleness(ResourceChange change, LiveResource? now)
    {
        var saved = change.Change.Live;
        return (saved, now) switch
        {
            (null, null) => null,
            (null, _) => $"{change.Address} was created by someone else since the plan was made.",
            (_, null) => $"{change.Address} was deleted since the plan was made.",
            _ when saved.Fingerprint == now.Fingerprint => null,
            _ when saved.Fingerprint.Uid != now.Fingerprint.Uid => $"{change.Address} was deleted and created again since the plan was made.",
            _ => ChangedText(change.Address, ChangedPaths(saved.Object, now, change.SensitivePaths)),
        };
    }

    private static string ChangedText(ResourceAddress address, IReadOnlyList<string> paths) => paths.Count == 0
        ? $"{address} changed since the plan was made."
        : $"{address} changed since the plan was made: {string.Join(", ", paths)}.";

    /// <summary>Paths only: values of sensitive fields are masked by the differ, and the others are not needed to
    /// tell what moved.</summary>
    private static List<string> ChangedPaths(System.Text.Json.Nodes.JsonObject saved, LiveResource now, ImmutableArray<string> sensitivePaths) =>
        [.. FieldDiffer.Diff(saved, now.Object, new DiffOptions(Scope: saved, SensitivePaths: sensitivePaths))
            .Select(d => d.Path)
            .Where(path => !ServerFields.Any(field => FieldPath.IsUnder(path, field)))];
}
