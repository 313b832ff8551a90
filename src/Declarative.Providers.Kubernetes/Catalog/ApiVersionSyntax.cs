namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// The syntax of apiVersion: a version alone (the core group), or a group and a version joined by one '/'.
/// kubectl fails on more than one '/' ("unexpected GroupVersion string"); the group must be a DNS subdomain
/// and the version a DNS-1035 label, as the API server requires of every group and version it serves.
/// </summary>
internal static class ApiVersionSyntax
{
    /// <summary>Null for a well-formed apiVersion, else what is wrong with it.</summary>
    public static string? Problem(string apiVersion)
    {
        var slashes = apiVersion.Count(c => c == '/');
        if (slashes > 1)
        {
            return $"it has {slashes} '/' characters, but only one may separate the group from the version";
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? null : apiVersion[..slash];
        var version = apiVersion[(slash + 1)..];
        return group switch
        {
            "" => "the group before '/' is empty, and the core group is written as the version alone",
            not null when NameSyntax.Dns1123Subdomain(group) is { } problem => $"the group \"{group}\" is not a DNS subdomain: {problem}",
            _ when version.Length == 0 => "the version after '/' is empty",
            _ => NameSyntax.Dns1035Label(version) is { } problem ? $"the version \"{version}\" is not a DNS-1035 label: {problem}" : null,
        };
    }

    public static bool IsValid(string apiVersion) => Problem(apiVersion) is null;
}
