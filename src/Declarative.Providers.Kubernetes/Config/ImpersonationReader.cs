using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Reads whom to impersonate: the kubeconfig user's as, as-uid, as-groups and as-user-extra, each replaced
/// by its command-line flag when one is given, as kubectl merges them.</summary>
internal static class ImpersonationReader
{
    public static KubeImpersonation? Read(JsonObject user, string name, KubeImpersonationOverrides? overrides)
    {
        var userName = overrides?.User ?? KubeconfigLoader.Text(user, "as");
        var groups = overrides is { Groups.IsDefaultOrEmpty: false } ? overrides.Groups : Strings(user["as-groups"]);
        var uid = overrides?.Uid ?? KubeconfigLoader.Text(user, "as-uid");
        var extra = Extra(user["as-user-extra"]);
        if (userName is null)
        {
            if (!groups.IsEmpty || uid is not null || !extra.IsEmpty)
            {
                var where = name.Length == 0 ? "The command line" : $"User \"{name}\" (or the command line)";
                throw new KubeConfigException(
                    $"{where} asks to impersonate groups, a UID or extra fields without a user to impersonate. Add --as (or as: in the kubeconfig user), or drop --as-group/--as-uid.");
            }

            return null;
        }

        return new KubeImpersonation(userName, groups, uid, extra);
    }

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(KubeconfigFile.NonEmpty).OfType<string>()];

    private static ImmutableDictionary<string, ImmutableArray<string>> Extra(JsonNode? node) =>
        (node as JsonObject ?? []).ToImmutableDictionary(pair => pair.Key, pair => Strings(pair.Value), StringComparer.Ordinal);
}
