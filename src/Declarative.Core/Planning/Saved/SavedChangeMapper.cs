using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;
using static Declarative.Core.Planning.Saved.SavedPlanMapper;
using static Declarative.Core.State.Storage.EnumWords;

namespace Declarative.Core.Planning.Saved;

/// <summary>
/// <see cref="ResourceChange"/> ⇄ <see cref="SavedChangeV1"/>. The desired, live and last-applied objects are
/// sealed over the change's sensitive paths (and the desired resource's own); diffs are stored as the differ left
/// them, sensitive values already masked.
/// </summary>
internal static class SavedChangeMapper
{
    public static SavedChangeV1 ToFile(ResourceChange change, SecretSealer sealer)
    {
        var planned = change.Change;
        var sensitive = change.SensitivePaths.Union(planned.Desired?.SensitivePaths ?? [], StringComparer.Ordinal).ToList();
        return new SavedChangeV1
        {
            Provider = change.Provider,
            Address = SavedPlanMapper.ToFile(change.Address),
            Action = Word(planned.Action),
            Verb = planned.Verb,
            ReplaceReason = planned.ReplaceReason,
            ServerDefaultsUnknown = planned.ServerDefaultsUnknown,
            KnownOutputs = planned.KnownOutputs is { } known ? new(known.Values, StringComparer.Ordinal) : null,
            DependsOn = [.. change.DependsOn.Select(SavedPlanMapper.ToFile)],
            SensitivePaths = [.. change.SensitivePaths],
            Diffs = [.. planned.Diffs.Select(ToFile)],
            DriftPaths = [.. planned.DriftPaths],
            TakenOver = [.. planned.TakenOver.Select(t => new SavedTakenFieldV1(t.Path, t.Manager))],
            UnknownPaths = [.. planned.UnknownPaths],
            Notes = planned.Notes.IsDefaultOrEmpty ? null : [.. planned.Notes.Select(n => new SavedNoteV1(n.Path, n.Text))],
            ServerDefaults = planned.ServerDefaults.IsDefaultOrEmpty ? null : [.. planned.ServerDefaults.Select(ToFile)],
            Desired = planned.Desired is { } desired ? ToFile(desired, sealer.Seal(desired.Object, sensitive)) : null,
            Live = planned.Live is { } live ? ToFile(live.Type, live.Fingerprint, sealer.Seal(live.Object, sensitive), null) : null,
            LastApplied = change.LastApplied is { } last
                ? ToFile(last.Type, last.Fingerprint, sealer.Seal(last.Object, sensitive), new(last.Outputs.Values, StringComparer.Ordinal))
                : null,
        };
    }

    public static ResourceChange FromFile(SavedChangeV1 file, SecretSealer sealer)
    {
        var address = SavedPlanMapper.FromFile(file.Address);
        var planned = new PlannedChange(
            address,
            Parse<ChangeAction>(file.Action, "action"),
            [.. file.Diffs.Select(FromFile)],
            [.. file.DriftPaths],
            file.ReplaceReason,
            [.. file.TakenOver.Select(t => new TakenField(t.Path, t.Manager))],
            [.. file.UnknownPaths],
            file.Desired is { } desired ? FromFile(address, desired, sealer) : null,
            file.Live is { } live ? new LiveResource(address, TypeOf(live), sealer.Unseal(live.Object), FromFile(live.Fingerprint)) : null,
            file.Verb,
            file.ServerDefaultsUnknown,
            file.KnownOutputs is { } known ? new ResourceOutputs(known.ToImmutableSortedDictionary(StringComparer.Ordinal)) : null,
            [.. (file.Notes ?? []).Select(n => new ChangeNote(n.Path, n.Text))],
            ServerDefaults: [.. (file.ServerDefaults ?? []).Select(FromFile)]);
        var lastApplied = file.LastApplied is { } last
            ? new AppliedResource(address, TypeOf(last), sealer.Unseal(last.Object), OutputsOf(last), FromFile(last.Fingerprint))
            : null;
        return new ResourceChange(planned, file.Provider, [.. file.DependsOn.Select(SavedPlanMapper.FromFile)], [.. file.SensitivePaths], lastApplied);
    }

    private static SavedDiffV1 ToFile(FieldDiff diff) => new()
    {
        Path = diff.Path,
        Kind = Word(diff.Kind),
        Before = diff.Before?.DeepClone(),
        After = diff.After?.DeepClone(),
        Sensitive = diff.Sensitive,
        Unknown = diff.Unknown,
    };

    private static FieldDiff FromFile(SavedDiffV1 diff) =>
        new(diff.Path, Parse<FieldDiffKind>(diff.Kind, "diff kind"), diff.Before?.DeepClone(), diff.After?.DeepClone(), diff.Sensitive, diff.Unknown);

    private static SavedDesiredV1 ToFile(DesiredResource desired, JsonObject sealedObject) => new()
    {
        ApiVersion = desired.Type.ApiVersion,
        Kind = desired.Type.Kind,
        Unknowns = [.. desired.Unknowns.Select(u => new SavedUnknownValueV1(u.Path, u.Template, [.. u.References.Select(ToFile)]))],
        SensitivePaths = [.. desired.SensitivePaths],
        IgnoredPaths = [.. desired.IgnoredPaths],
        Object = sealedObject,
    };

    private static DesiredResource FromFile(ResourceAddress address, SavedDesiredV1 desired, SecretSealer sealer) => new(
        address,
        new ResourceType(desired.ApiVersion, desired.Kind),
        sealer.Unseal(desired.Object),
        [.. desired.Unknowns.Select(u => new UnknownValue(u.Path, u.Template, [.. u.References.Select(FromFile)]))],
        [.. desired.SensitivePaths],
        [.. desired.IgnoredPaths]);

    private static SavedUnknownV1 ToFile(Unknown unknown) =>
        new(unknown.Scheme, unknown.Name, SavedPlanMapper.ToFile(unknown.Source), unknown.Output);

    private static Unknown FromFile(SavedUnknownV1 unknown) =>
        new(unknown.Scheme, unknown.Name, SavedPlanMapper.FromFile(unknown.Source), unknown.Output);

    private static SavedObjectV1 ToFile(ResourceType type, Fingerprint fingerprint, JsonObject sealedObject, SortedDictionary<string, string>? outputs) => new()
    {
        ApiVersion = type.ApiVersion,
        Kind = type.Kind,
        Fingerprint = new() { Hash = fingerprint.Hash, Uid = fingerprint.Uid, Generation = fingerprint.Generation },
        Outputs = outputs,
        Object = sealedObject,
    };

    private static ResourceType TypeOf(SavedObjectV1 saved) => new(saved.ApiVersion, saved.Kind);

    private static Fingerprint FromFile(SavedFingerprintV1 fingerprint) => new(fingerprint.Hash, fingerprint.Uid, fingerprint.Generation);

    private static ResourceOutputs OutputsOf(SavedObjectV1 saved) =>
        new((saved.Outputs ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal));
}
