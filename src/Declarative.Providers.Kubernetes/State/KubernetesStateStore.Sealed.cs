using System.Collections.Immutable;
using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>The revision Secrets as sealed bytes, for <c>decl state migrate</c>: read and created without the key.</summary>
public sealed partial class KubernetesStateStore : ISealedRevisionStore
{
    /// <summary>The label selector of this environment's Secrets (and Lease): what <c>kubectl get -l</c> takes.</summary>
    public string Selector => $"{WellKnown.ProjectLabel}={options.Project},{WellKnown.EnvironmentLabel}={options.Environment}";

    public Task<ImmutableArray<SealedRevision>> ReadSealedAsync(CancellationToken cancellationToken) =>
        ReadEveryRevisionAsync(secrets.ReadSealed, cancellationToken);

    public async Task WriteSealedAsync(SealedRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        CheckHeld();
        var existing = await ListRevisionAsync(revision.Number, cancellationToken);
        if (existing.Any(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord))
        {
            throw new InvalidOperationException($"Revision {revision.Number} is already in the store ({secrets.Where(names.Head(revision.Number))}): a copy never replaces a revision.");
        }

        // Parts first, the head last: until the head exists the revision is not there for any reader.
        var generation = existing.Select(i => StateLabels.IntLabel(i, StateLabels.Generation) ?? 0).DefaultIfEmpty(0).Max() + 1;
        var (head, parts) = secrets.BuildSealed(revision, generation);
        foreach (var part in parts.Reverse())
        {
            _ = await api.CreateAsync(StateApi.Secrets, part, cancellationToken) ?? throw ChangedMeanwhile(revision.Number, StateLabels.Name(part));
        }

        _ = await api.CreateAsync(StateApi.Secrets, head, cancellationToken) ?? throw ChangedMeanwhile(revision.Number, StateLabels.Name(head));

        // Parts an earlier copy left without a head are never read: remove them.
        await DeleteAllAsync(existing, cancellationToken);
    }
}
