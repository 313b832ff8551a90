using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Kubeconfig files merged as client-go merges them (reference 1.2): the first file to define a cluster,
/// user or context name wins it whole, and the first non-empty current-context wins.</summary>
public sealed record MergedKubeconfig(
    ImmutableArray<string> Paths,
    string? CurrentContext,
    ImmutableDictionary<string, JsonObject> Clusters,
    ImmutableDictionary<string, JsonObject> Users,
    ImmutableDictionary<string, JsonObject> Contexts)
{
    public bool IsEmpty => Clusters.IsEmpty && Users.IsEmpty && Contexts.IsEmpty && CurrentContext is null;

    public static MergedKubeconfig Merge(IReadOnlyList<KubeconfigFile> files) => new(
        [.. files.Select(f => f.Path)],
        files.Select(f => f.CurrentContext).FirstOrDefault(c => c is not null),
        FirstWins(files.Select(f => f.Clusters)),
        FirstWins(files.Select(f => f.Users)),
        FirstWins(files.Select(f => f.Contexts)));

    private static ImmutableDictionary<string, JsonObject> FirstWins(IEnumerable<ImmutableDictionary<string, JsonObject>> maps)
    {
        var result = ImmutableDictionary.CreateBuilder<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, value) in maps.SelectMany(map => map))
        {
            result.TryAdd(name, value);
        }

        return result.ToImmutable();
    }
}
