using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// The bulk read shared by volumes and networks: what the owner-filtered list returned, plus an inspect by name for
/// each id the list missed (an object without our labels), split into the ids' live objects and orphans.
/// </summary>
internal static class NamedObjects
{
    public static async Task<KindReadResult> ReadAsync<T>(
        IReadOnlyCollection<ResourceAddress> ids,
        IEnumerable<T> listed,
        Func<T, string> nameOf,
        Func<string, CancellationToken, Task<T?>> inspect,
        Func<ResourceAddress, T, LiveResource> toLive,
        string kind,
        CancellationToken cancellationToken)
        where T : class
    {
        var byName = ids.ToDictionary(id => id.Name, StringComparer.Ordinal);
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in listed)
        {
            found[nameOf(item)] = item;
        }

        foreach (var id in ids.Where(id => !found.ContainsKey(id.Name)))
        {
            if (await inspect(id.Name, cancellationToken).ConfigureAwait(false) is { } item)
            {
                found[nameOf(item)] = item;
            }
        }

        var live = new List<LiveResource>();
        var orphans = new List<LiveResource>();
        foreach (var (name, item) in found)
        {
            if (byName.TryGetValue(name, out var id))
            {
                live.Add(toLive(id, item));
            }
            else
            {
                orphans.Add(toLive(new ResourceAddress(string.Empty, DockerKinds.Group, kind, null, name), item));
            }
        }

        return new KindReadResult(live, orphans);
    }
}
