using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>Which containers use a volume or a network: a delete that would take it from them is refused, naming them.</summary>
internal static class InUse
{
    /// <param name="filter">"volume" or "network", as the container list filter names them.</param>
    public static async Task<IReadOnlyList<string>> ContainersUsingAsync(IDockerClient client, string filter, string name, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal) { [filter] = new Dictionary<string, bool>(StringComparer.Ordinal) { [name] = true } },
            },
            cancellationToken).ConfigureAwait(false);
        return [.. containers.Select(c => (c.Names?.FirstOrDefault() ?? c.ID).TrimStart('/')).Order(StringComparer.Ordinal)];
    }

    public static DockerOperationException Refusal(string what, IReadOnlyList<string> users) =>
        new($"{what} is still used by container{(users.Count == 1 ? string.Empty : "s")} {string.Join(", ", users)}: Declarative does not take it from a container. Remove those containers or change them to stop using it, then apply again.");
}
