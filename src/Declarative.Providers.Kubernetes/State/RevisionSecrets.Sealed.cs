using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>A revision's Secrets from and to its sealed bytes (<see cref="SealedRevision"/>), without the key: what
/// <c>decl state migrate</c> reads and writes. Journals are left out (a migration refuses a pending history).</summary>
internal sealed partial class RevisionSecrets
{
    /// <summary>The head and parts of <paramref name="revision"/>'s bytes, as written by <see cref="Build"/>.</summary>
    public (JsonObject Head, ImmutableArray<JsonObject> Parts) BuildSealed(SealedRevision revision, int generation)
    {
        var payload = SecretPayload.Of(revision.Bytes, options.ChunkBytes);
        var headLabels = Labels(StateLabels.HeadRecord, revision.Number, generation);
        headLabels[StateLabels.Status] = revision.Status.ToString().ToLowerInvariant();
        var head = Secret(names.Head(revision.Number), StateLabels.RevisionType, headLabels, Annotations(payload), data: null);
        var parts = payload.Parts.Select((bytes, index) =>
        {
            var labels = Labels(StateLabels.PartRecord, revision.Number, generation);
            labels[StateLabels.Part] = StateLabels.Number(index);
            return Secret(names.Part(revision.Number, generation, index), StateLabels.RevisionType, labels, Annotations(payload), SecretPayload.Data(bytes));
        });
        return (head, [.. parts]);
    }

    /// <summary>Revision <paramref name="number"/>'s payload in canonical sealed form, its journal ignored; null when it
    /// has no head. Damage is reported as by <see cref="Read"/>.</summary>
    public SealedRevision? ReadSealed(int number, IEnumerable<JsonObject> items)
    {
        var mine = items.Where(i => StateLabels.IntLabel(i, StateLabels.Revision) == number).ToList();
        return CommittedPayload(number, mine) is { } payload
            ? WithAdvice(() => RevisionCodec.ReadSealed(payload.Bytes, number, payload.Where), payload.Advice)
            : null;
    }
}
