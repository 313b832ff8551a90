using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Planning.Engine;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Drift;

/// <summary>
/// `decl drift`: live state against the newest revision, from the store only (DESIGN "Command line"). One bulk read
/// per provider, exactly as plan reads, then each provider compares what was applied with what is live without any
/// further request (<see cref="PlanContext.Offline"/>: no dry-runs). Reports changed fields with the manager that now
/// owns them, inventory objects that are gone, and objects with the environment's labels that no revision owns; and,
/// apart from the drift, the providers' notes on the objects still there (fields another manager set that no manifest
/// sets, which apply keeps).
/// </summary>
public sealed class DriftOperation(IReadOnlyDictionary<string, IResourceProvider> providers, IStateStore store)
{
    public async Task<DriftReport> RunAsync(string project, string environment, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(cancellationToken);
        if (latest is null)
        {
            return new DriftReport(project, environment, null, [], []);
        }

        var owner = new OwnerSelector(project, environment);
        var drifted = new List<DriftedObject>();
        var noted = new List<NotedObject>();
        foreach (var group in latest.Inventory.GroupBy(e => e.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var provider = ProviderPlanning.Get(providers, group.Key);
            var read = await provider.ReadAsync([.. group.Select(e => e.Address).Order()], owner, cancellationToken).ConfigureAwait(false);
            foreach (var entry in group)
            {
                if (!read.Live.TryGetValue(entry.Address, out var live))
                {
                    drifted.Add(new DriftedObject(entry.Address, DriftKind.Deleted, []));
                }
                else
                {
                    var change = await CompareAsync(provider, entry, live, cancellationToken).ConfigureAwait(false);
                    if (ChangedFields(change) is { IsEmpty: false } fields)
                    {
                        drifted.Add(new DriftedObject(entry.Address, DriftKind.Changed, fields));
                    }

                    if (!change.Notes.IsDefaultOrEmpty)
                    {
                        noted.Add(new NotedObject(entry.Address, [.. change.Notes.OrderBy(n => n.Path, StringComparer.Ordinal)]));
                    }
                }
            }

            drifted.AddRange(read.Orphans.Select(o => new DriftedObject(o.Address, DriftKind.Unmanaged, [])));
        }

        return new DriftReport(project, environment, latest.Number, [.. drifted.OrderBy(d => d.Address)], [.. noted.OrderBy(n => n.Address)]);
    }

    /// <summary>The provider plans what was applied against live. Secret values stored without the key cannot be
    /// compared and are left out.</summary>
    private static async Task<PlannedChange> CompareAsync(IResourceProvider provider, InventoryEntry entry, LiveResource live, CancellationToken cancellationToken)
    {
        var applied = entry.Applied;
        var sensitive = entry.SensitivePaths.IsDefault ? [] : entry.SensitivePaths;
        var ignored = Annotations.IgnoredPaths(applied.Object);
        if (SealedValues.IsMasked(entry))
        {
            ignored = ignored.AddRange(sensitive);
        }

        var desired = new DesiredResource(applied.Address, applied.Type, applied.Object, [], sensitive, ignored);
        return provider is IPlanContextProvider aware
            ? await aware.PlanAsync(desired, live, applied, new PlanContext(false, Offline: true), cancellationToken).ConfigureAwait(false)
            : await provider.PlanAsync(desired, live, applied, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change's drift paths, with the values on both sides.</summary>
    private static ImmutableArray<DriftedField> ChangedFields(PlannedChange change) =>
        [.. change.DriftPaths.Select(path => Field(path, change)).OrderBy(f => f.Path, StringComparer.Ordinal)];

    private static DriftedField Field(string path, PlannedChange change)
    {
        var diff = change.Diffs.FirstOrDefault(d => d.Path == path) ?? change.Diffs.FirstOrDefault(d => FieldPath.IsUnder(d.Path, path));
        var manager = change.TakenOver.FirstOrDefault(t => t.Path == path || FieldPath.IsUnder(path, t.Path) || FieldPath.IsUnder(t.Path, path))?.Manager;
        return diff is null
            ? new DriftedField(path, null, null, manager, false)
            : new DriftedField(path, diff.After?.DeepClone(), diff.Before?.DeepClone(), manager, diff.Sensitive);
    }
}
