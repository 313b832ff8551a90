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

        RefuseRepeatedHeaders(name, groups, extra);
        return new KubeImpersonation(userName, groups, uid, extra);
    }

    /// <summary>The API server reads each Impersonate-Group (and Impersonate-Extra-KEY) header line as one value and
    /// does not split on commas (kubernetes#94683), but .NET's HttpClient sends repeated values of a header as one
    /// comma-joined line: two groups would arrive as one group named "a, b". So more than one is refused.</summary>
    private static void RefuseRepeatedHeaders(string name, ImmutableArray<string> groups, ImmutableDictionary<string, ImmutableArray<string>> extra)
    {
        var where = name.Length == 0 ? "The command line" : $"User \"{name}\" (or the command line)";
        if (groups.Length > 1)
        {
            throw new KubeConfigException(
                $"{where} asks to impersonate {groups.Length} groups ({string.Join(", ", groups)}); Declarative can impersonate one group only, because its HTTP client would send them as one Impersonate-Group line that the API server reads as a single group named \"{string.Join(", ", groups)}\". Keep one --as-group (or one as-groups entry), or bind the permissions to the impersonated user.");
        }

        if (extra.FirstOrDefault(pair => pair.Value.Length > 1) is { Key: { } key } repeated)
        {
            throw new KubeConfigException(
                $"{where} gives as-user-extra \"{key}\" {repeated.Value.Length} values; Declarative can send one value per extra key, because its HTTP client would join them into one header line that the API server reads as a single value. Keep one value.");
        }
    }

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(KubeconfigFile.NonEmpty).OfType<string>()];

    private static ImmutableDictionary<string, ImmutableArray<string>> Extra(JsonNode? node) =>
        (node as JsonObject ?? []).ToImmutableDictionary(pair => pair.Key, pair => Strings(pair.Value), StringComparer.Ordinal);
}
