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
        var head = mine.FirstOrDefault(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord);
        if (head is null)
        {
            return null;
        }

        var where = Where(StateLabels.Name(head));
        var advice = RevisionAdvice(number);
        CheckType(head, StateLabels.RevisionType, where, advice);
        var generation = StateLabels.IntLabel(head, StateLabels.Generation) ?? throw Corrupt(where, $"It has no {StateLabels.Generation} label.", advice);
        var bytes = AssembleOf(head, mine.Where(i => Is(i, StateLabels.PartRecord, generation)), where, advice);
        return WithAdvice(() => RevisionCodec.ReadSealed(bytes, number, where), advice);
    }
}
