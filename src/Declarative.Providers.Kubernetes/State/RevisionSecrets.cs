using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// How a revision and its journal map to Secrets, both ways. A revision is a head (labels: number, status,
/// generation; annotations: part count and checksum; no data) plus its payload parts of the head's generation; a
/// save writes a new generation's parts, then points the head at them, so a reader sees the old generation or the
/// new one, never a mix. Journal batches are Secrets of their own (type <see cref="StateLabels.JournalType"/>),
/// numbered in order within the generation they extend; a batch counts once its part 0, written last, exists, and
/// then every line of it must be a record. Unreadable sets are <see cref="StateFileException"/>s naming their
/// Secrets (a journal record also by its line in the batch) and the kubectl command that drops them.
/// </summary>
internal sealed partial class RevisionSecrets(StateObjectNames names, KubernetesStateOptions options, SecretSealer? sealer)
{
    private const string Unreadable = "State file is unreadable";

    public string Where(string name) => $"Secret {options.Namespace}/{name}";

    /// <summary>The head and parts of <paramref name="revision"/> written as <paramref name="generation"/>.</summary>
    public (JsonObject Head, ImmutableArray<JsonObject> Parts) Build(Revision revision, int generation)
    {
        var headName = names.Head(revision.Number);
        var payload = SecretPayload.Of(RevisionCodec.EncodeRevision(revision, sealer, Where(headName)), options.ChunkBytes);
        var head = Secret(headName, StateLabels.RevisionType, HeadLabels(revision, generation), Annotations(payload), data: null);
        var parts = payload.Parts.Select((bytes, index) =>
        {
            var labels = Labels(StateLabels.PartRecord, revision.Number, generation);
            labels[StateLabels.Part] = StateLabels.Number(index);
            return Secret(names.Part(revision.Number, generation, index), StateLabels.RevisionType, labels, Annotations(payload), SecretPayload.Data(bytes));
        });
        return (head, [.. parts]);
    }

    /// <summary>The labels and annotations of a head moving to <paramref name="generation"/>, as a JSON patch.</summary>
    public JsonArray HeadUpdate(JsonObject head) => new(
        StateApi.Add("/metadata/labels", head["metadata"]!["labels"]!.DeepClone()),
        StateApi.Add("/metadata/annotations", head["metadata"]!["annotations"]!.DeepClone()));

    /// <summary>The Secrets of one journal batch: <paramref name="lines"/> are encoded records, newline-ended.</summary>
    public ImmutableArray<JsonObject> JournalBatch(int revision, int generation, int sequence, byte[] lines)
    {
        var payload = SecretPayload.Of(lines, options.ChunkBytes);
        return [.. payload.Parts.Select((bytes, index) =>
        {
            var labels = Labels(StateLabels.JournalRecord, revision, generation);
            labels[StateLabels.Sequence] = StateLabels.Number(sequence);
            labels[StateLabels.Part] = StateLabels.Number(index);
            return Secret(names.JournalPart(revision, generation, sequence, index), StateLabels.JournalType, labels, Annotations(payload), SecretPayload.Data(bytes));
        })];
    }

    /// <summary>
    /// Revision <paramref name="number"/> from its Secrets (<paramref name="items"/>, any others ignored), a pending one
    /// with its journal replayed; null when it has no head (nothing of it was committed).
    /// </summary>
    public Revision? Read(int number, IEnumerable<JsonObject> items)
    {
        var mine = items.Where(i => StateLabels.IntLabel(i, StateLabels.Revision) == number).ToList();
        if (CommittedPayload(number, mine) is not { } payload)
        {
            return null;
        }

        var (generation, where, advice, bytes) = payload;

        var revision = WithAdvice(() => RevisionCodec.DecodeRevision(bytes, sealer, where), advice);
        if (revision.Number != number)
        {
            throw Corrupt(where, $"It holds revision {revision.Number}, not revision {number} as its labels say.", advice);
        }

        if (revision.Status != RevisionStatus.Pending)
        {
            // A journal beside a completed revision is one whose deletion was cut short: the revision holds its records.
            return revision;
        }

        var records = ImmutableArray.CreateBuilder<JournalRecord>();
        foreach (var batch in mine.Where(i => Is(i, StateLabels.JournalRecord, generation)).GroupBy(i => StateLabels.IntLabel(i, StateLabels.Sequence) ?? -1).OrderBy(g => g.Key))
        {
            var first = batch.FirstOrDefault(i => StateLabels.IntLabel(i, StateLabels.Part) == 0);
            if (first is null)
            {
                // Part 0 is written last: without it the batch never completed, and none of its callers was told it had.
                continue;
            }

            var batchWhere = Where(StateLabels.Name(first));
            if (batch.Key < 0)
            {
                throw Corrupt(batchWhere, $"It has no valid {StateLabels.Sequence} label.", advice);
            }

            var batchAdvice = BatchAdvice(number, generation, batch.Key);
            CheckType(first, StateLabels.JournalType, batchWhere, batchAdvice);
            records.AddRange(DecodeBatch(AssembleOf(first, batch, batchWhere, batchAdvice), batchWhere, batchAdvice));
        }

        return records.Count == 0 ? revision : JournalReplay.Replay(revision, records);
    }

    /// <summary>The revision numbers of <paramref name="items"/> that have a head.</summary>
    public static ImmutableArray<int> Numbers(IEnumerable<JsonObject> items) =>
    [
        .. items.Where(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord)
            .Select(i => StateLabels.IntLabel(i, StateLabels.Revision))
            .OfType<int>()
            .Distinct()
            .Order(),
    ];

    private JsonObject HeadLabels(Revision revision, int generation)
    {
        var labels = Labels(StateLabels.HeadRecord, revision.Number, generation);
        labels[StateLabels.Status] = revision.Status.ToString().ToLowerInvariant();
        return labels;
    }

    private JsonObject Labels(string record, int revision, int generation)
    {
        var labels = StateLabels.Common(record, options.Project, options.Environment);
        labels[StateLabels.Revision] = StateLabels.Number(revision);
        labels[StateLabels.Generation] = StateLabels.Number(generation);
        return labels;
    }

    private static JsonObject Annotations(SecretPayload payload) => new()
    {
        [StateLabels.Parts] = StateLabels.Number(payload.Parts.Length),
        [StateLabels.Checksum] = payload.Checksum,
    };

    private JsonObject Secret(string name, string type, JsonObject labels, JsonObject annotations, JsonObject? data)
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = options.Namespace,
                ["labels"] = labels,
                ["annotations"] = annotations,
            },
            ["type"] = type,
        };
        if (data is not null)
        {
            secret["data"] = data;
        }

        return secret;
    }

    private static bool Is(JsonObject item, string record, int generation) =>
        StateLabels.Label(item, StateLabels.Record) == record && StateLabels.IntLabel(item, StateLabels.Generation) == generation;

    /// <summary>The payload <paramref name="first"/> (a head, or a batch's part 0) describes, from <paramref name="parts"/>.</summary>
    private static byte[] AssembleOf(JsonObject first, IEnumerable<JsonObject> parts, string where, string advice)
    {
        var count = StateLabels.IntAnnotation(first, StateLabels.Parts) is { } n and > 0 ? n : throw Corrupt(where, $"It has no valid {StateLabels.Parts} annotation.", advice);
        var checksum = StateLabels.Annotation(first, StateLabels.Checksum) ?? throw Corrupt(where, $"It has no {StateLabels.Checksum} annotation.", advice);
        var indexed = new List<(int Index, JsonObject Secret)>();
        foreach (var part in parts)
        {
            var index = StateLabels.IntLabel(part, StateLabels.Part) ?? throw Corrupt(where, $"Secret {StateLabels.Name(part)} has no valid {StateLabels.Part} label.", advice);
            indexed.Add((index, part));
        }

        return SecretPayload.Assemble(indexed, count, checksum, (problem, inner) => Corrupt(where, problem, advice, inner));
    }

    /// <summary>
    /// The records of one journal batch. A batch is created whole and its checksum was checked, so unlike the last
    /// line of a journal file none of its lines can be torn by a crash: every line must be a record, and one that is
    /// not is damage to report (dropping it would silently lose what the run did).
    /// </summary>
    private IEnumerable<JournalRecord> DecodeBatch(byte[] bytes, string where, string advice)
    {
        var records = new List<JournalRecord>();
        var rest = bytes.AsMemory();
        for (var line = 1; !rest.IsEmpty; line++)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var text = newline < 0 ? rest : rest[..(newline + 1)];
            rest = rest[text.Length..];
            var lineWhere = $"{where} line {line}";
            records.Add(WithAdvice(() => RevisionCodec.DecodeJournalRecord(text.Span, sealer, lineWhere), advice));
        }

        return records;
    }

    /// <summary>A newer type (<c>declarative.dev/revision.v2</c>) is refused as a newer format, any other type that
    /// is not <paramref name="expected"/> as damage.</summary>
    /// <summary>Revision <paramref name="number"/>'s committed payload from its Secrets (<paramref name="mine"/>): its
    /// generation, the name errors give it, the restore advice, and the parts assembled and checked; null when it has
    /// no head (nothing of it was committed).</summary>
    private (int Generation, string Where, string Advice, byte[] Bytes)? CommittedPayload(int number, List<JsonObject> mine)
    {
        var head = mine.FirstOrDefault(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord);
        if (head is null)
        {
            return null;
        }

        var where = Where(StateLabels.Name(head));
        var advice = RevisionAdvice(number);
        CheckType(head, StateLabels.RevisionType, where, advice);
        var generation = StateLabels.IntLabel(head, StateLabels.Generation) ?? throw Corrupt(where, $"It has no {StateLabels.Generation} label.", advice);
        return (generation, where, advice, AssembleOf(head, mine.Where(i => Is(i, StateLabels.PartRecord, generation)), where, advice));
    }

    private static void CheckType(JsonObject secret, string expected, string where, string advice)
    {
        var type = secret["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        if (type == expected)
        {
            return;
        }

        var found = VersionedType().Match(type);
        var known = VersionedType().Match(expected);
        if (found.Success && found.Groups["kind"].Value == known.Groups["kind"].Value
            && int.Parse(found.Groups["version"].Value, CultureInfo.InvariantCulture) > int.Parse(known.Groups["version"].Value, CultureInfo.InvariantCulture))
        {
            throw new StateFileException(where, "State file is from a newer Declarative", [
                $"{where} has type {type}; this Declarative reads {expected}.",
                "Upgrade Declarative to the version that wrote the state (or newer) to read this environment's history.",
            ]);
        }

        throw Corrupt(where, $"Its type is \"{type}\", not {expected}.", advice);
    }

    /// <summary>The codec's own errors about damage advise on files; these are Secrets.</summary>
    private static T WithAdvice<T>(Func<T> decode, string advice)
    {
        try
        {
            return decode();
        }
        catch (StateFileException ex) when (ex.Summary == Unreadable)
        {
            throw new StateFileException(ex.Path, ex.Summary, [.. ex.Details.Take(ex.Details.Length - 1), advice], ex.InnerException);
        }
    }

    private static StateFileException Corrupt(string where, string problem, string advice, Exception? inner = null) =>
        new(where, Unreadable, [$"{where} is not a valid revision or journal record. {problem}", advice], inner);

    private string RevisionAdvice(int number) =>
        $"Restore the Secrets from a backup, or delete that revision's Secrets to drop it from the history (kubectl delete secret -n {options.Namespace} -l {Selector(number)}).";

    private string BatchAdvice(int number, int generation, int sequence) =>
        $"Restore the Secrets from a backup, or delete that journal batch's Secrets to read the revision without it (what its records recorded is then missing from the inventory): kubectl delete secret -n {options.Namespace} -l {Selector(number)},{StateLabels.Generation}={StateLabels.Number(generation)},{StateLabels.Sequence}={StateLabels.Number(sequence)}.";

    private string Selector(int number) =>
        $"{WellKnown.ProjectLabel}={options.Project},{WellKnown.EnvironmentLabel}={options.Environment},{StateLabels.Revision}={StateLabels.Number(number)}";

    [GeneratedRegex("^declarative\\.dev/(?<kind>[a-z]+)\\.v(?<version>[0-9]{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedType();
}
