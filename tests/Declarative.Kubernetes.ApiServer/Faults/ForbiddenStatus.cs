using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>The 403 RBAC answers (reference 4): <c>deployments.apps "web" is forbidden: User "u" cannot get
/// resource "deployments" in API group "apps" in the namespace "ns"</c>.</summary>
public static class ForbiddenStatus
{
    public const string User = "declarative";

    public static ApiError For(string rawPath, string verb)
    {
        var path = ApiPath.Parse(rawPath);
        if (path is null)
        {
            return StatusFactory.Forbidden($"forbidden: User \"{User}\" cannot {verb} path \"{rawPath}\"", new JsonObject());
        }

        var groupResource = path.Group.Length == 0 ? path.Resource : $"{path.Resource}.{path.Group}";
        var subject = path.Name is null ? groupResource : $"{groupResource} \"{path.Name}\"";
        var resource = path.Subresource is null ? path.Resource : $"{path.Resource}/{path.Subresource}";
        var scope = path.Namespace is null ? "at the cluster scope" : $"in the namespace \"{path.Namespace}\"";
        var message = $"{subject} is forbidden: User \"{User}\" cannot {verb} resource \"{resource}\" in API group \"{path.Group}\" {scope}";
        var details = new JsonObject { ["group"] = path.Group, ["kind"] = path.Resource };
        if (path.Name is not null)
        {
            details.Insert(0, "name", path.Name);
        }

        return StatusFactory.Forbidden(message, details);
    }
}
