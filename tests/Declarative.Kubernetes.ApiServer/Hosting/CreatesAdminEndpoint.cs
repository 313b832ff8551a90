using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// <c>/_double/creates</c> for a double running as a process, so a reliability run can count duplicate creates: GET
/// answers <c>{"count": N, "items": [{"resource", "namespace", "name", "generateName", "project"}, …]}</c> over the
/// objects created since the last DELETE (dry runs are not creates); DELETE starts the audit again.
/// </summary>
internal sealed class CreatesAdminEndpoint(CreateAudit audit)
{
    public const string Path = "/_double/creates";

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            return false;
        }

        switch (context.Request.Method)
        {
            case "DELETE":
                audit.Clear();
                break;
            case not "GET":
                throw StatusFactory.MethodNotAllowed($"the server does not allow this method on {Path}");
        }

        var created = audit.Created;
        var items = new JsonArray();
        foreach (var item in created)
        {
            items.Add(new JsonObject
            {
                ["resource"] = item.StorageKey,
                ["namespace"] = item.Namespace,
                ["name"] = item.Name,
                ["generateName"] = item.GenerateName,
                ["project"] = item.Project,
            });
        }

        await JsonResponses.WriteAsync(context, 200, new JsonObject { ["count"] = created.Count, ["items"] = items });
        return true;
    }
}
