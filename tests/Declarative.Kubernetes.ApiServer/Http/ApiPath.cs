namespace Declarative.Kubernetes.ApiServer.Http;

/// <summary>
/// A resource request path, parsed (reference 2.4 and 3.1):
/// <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c> and
/// <c>/apis/{group}/{version}[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c>.
/// <c>/api/v1/namespaces/{name}</c> is the namespaces resource itself, not a namespace scope.
/// </summary>
public sealed record ApiPath(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource)
{
    /// <summary>Null when the path is not a resource path (discovery, OpenAPI, anything else).</summary>
    public static ApiPath? Parse(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.None);
        int rest;
        string group;
        string version;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = (string.Empty, parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var tail = parts[rest..];
        if (tail.Any(p => p.Length == 0))
        {
            return null;
        }

        // namespaces/{ns}/{resource}... is a namespace scope, except the Namespace's own subresources.
        var isNamespaceSubresource = tail.Length == 3 && tail[0] == "namespaces" && tail[2] is "status" or "finalize";
        if (tail.Length >= 3 && tail[0] == "namespaces" && !isNamespaceSubresource)
        {
            return tail.Length <= 5 ? new ApiPath(group, version, tail[1], tail[2], tail.ElementAtOrDefault(3), tail.ElementAtOrDefault(4)) : null;
        }

        return tail.Length <= 3 ? new ApiPath(group, version, null, tail[0], tail.ElementAtOrDefault(1), tail.ElementAtOrDefault(2)) : null;
    }
}
