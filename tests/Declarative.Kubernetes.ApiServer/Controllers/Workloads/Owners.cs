using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>ownerReferences as controllers write them: the owner is the controller and blocks foreground deletion.</summary>
internal static class Owners
{
    public static JsonArray ControllerReference(JsonObject owner, string apiVersion, string kind) =>
    [
        new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["name"] = ObjectMeta.Name(owner),
            ["uid"] = ObjectMeta.Uid(owner),
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        },
    ];

    public static bool IsControlledBy(JsonObject obj, JsonObject owner) =>
        JsonTree.Items(JsonTree.Metadata(obj), "ownerReferences")
            .Any(r => JsonTree.Flag(r.Item, "controller") == true && JsonTree.Text(r.Item, "uid") == ObjectMeta.Uid(owner));

    /// <summary>The name of the controlling owner of the given kind, if any.</summary>
    public static string? ControllerName(JsonObject obj, string kind) =>
        JsonTree.Items(JsonTree.Metadata(obj), "ownerReferences")
            .Where(r => JsonTree.Flag(r.Item, "controller") == true && JsonTree.Text(r.Item, "kind") == kind)
            .Select(r => JsonTree.Text(r.Item, "name"))
            .FirstOrDefault();
}
