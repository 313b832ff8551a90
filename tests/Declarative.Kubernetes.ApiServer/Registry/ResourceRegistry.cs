using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Registry;

/// <summary>
/// What the server serves: the built-in resources plus those of Established CRDs. Thread-safe; readers see
/// an immutable snapshot. Within a group, versions are kept in preference order (first = preferred).
/// </summary>
public sealed class ResourceRegistry
{
    private ImmutableArray<ApiResource> _resources = BuiltInResources.All;

    public ImmutableArray<ApiResource> All => _resources;

    public ApiResource? Find(string group, string version, string plural) =>
        _resources.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public ApiResource? FindByKind(string group, string version, string kind) =>
        _resources.FirstOrDefault(r => r.Group == group && r.Version == version && r.Kind == kind);

    public bool Serves(string group, string version) => _resources.Any(r => r.Group == group && r.Version == version);

    /// <summary>Served groups in first-seen order, each with its versions in preference order.</summary>
    public IEnumerable<(string Group, ImmutableArray<string> Versions)> Groups() =>
        _resources
            .GroupBy(r => r.Group)
            .Select(g => (g.Key, g.Select(r => r.Version).Distinct().ToImmutableArray()));

    /// <summary>Serves a CRD's versions (replacing what the same group/plural served before).</summary>
    public void SetCustom(string group, string plural, IEnumerable<ApiResource> versions)
    {
        ImmutableInterlocked.Update(ref _resources, current =>
            [.. current.Where(r => !(r.IsCustom && r.Group == group && r.Plural == plural)), .. versions]);
    }

    public void RemoveCustom(string group, string plural)
    {
        ImmutableInterlocked.Update(ref _resources, current =>
            [.. current.Where(r => !(r.IsCustom && r.Group == group && r.Plural == plural))]);
    }
}
