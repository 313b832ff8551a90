using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// ControllerRevisions (apps/v1) of a StatefulSet or DaemonSet, as pkg/controller/history keeps them: one per pod
/// template, named <c>&lt;owner&gt;-&lt;hash&gt;</c>, owned by the set, <c>data</c> the template as a replacing
/// patch, <c>revision</c> counting up; going back to an older template re-numbers its revision.
/// </summary>
internal static class RevisionHistory
{
    public const string HashLabel = "controller.kubernetes.io/hash";

    /// <summary>The update revision's name for the owner's current template, created or re-numbered as needed.</summary>
    public static string Ensure(ControllerContext context, JsonObject owner, string kind)
    {
        var resource = context.Resource("apps", "controllerrevisions");
        var ns = ObjectMeta.Namespace(owner);
        var template = owner["spec"]?["template"]?.DeepClone() as JsonObject ?? [];
        template["$patch"] = "replace";
        var data = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } };
        var hash = Hashing.SafeHash(data.ToJsonString());
        var name = $"{ObjectMeta.Name(owner)}-{hash}";
        var owned = Owned(context, owner).ToList();
        var highest = owned.Count == 0 ? 0 : owned.Max(Revision);
        var existing = owned.FirstOrDefault(r => ObjectMeta.Name(r) == name);
        if (existing is null)
        {
            context.Create(resource, NewRevision(owner, kind, name, hash, data, highest + 1));
        }
        else if (Revision(existing) < highest)
        {
            context.Update(new ObjectKey("apps", "controllerrevisions", ns, name), r => r["revision"] = highest + 1);
        }

        return name;
    }

    /// <summary>Deletes the oldest revisions beyond revisionHistoryLimit, never the ones in use.</summary>
    public static void Trim(ControllerContext context, JsonObject owner, IReadOnlySet<string> inUse)
    {
        var limit = JsonTree.Number(JsonTree.Existing(owner, "spec"), "revisionHistoryLimit") ?? 10;
        var old = Owned(context, owner).Where(r => !inUse.Contains(ObjectMeta.Name(r))).OrderBy(Revision).ToList();
        foreach (var revision in old.Take(Math.Max(0, old.Count - (int)limit)))
        {
            context.Delete(new ObjectKey("apps", "controllerrevisions", ObjectMeta.Namespace(owner), ObjectMeta.Name(revision)));
        }
    }

    public static IEnumerable<JsonObject> Owned(ControllerContext context, JsonObject owner) =>
        context.List(context.Resource("apps", "controllerrevisions"), ObjectMeta.Namespace(owner))
            .Where(r => Owners.IsControlledBy(r, owner));

    private static long Revision(JsonObject revision) => JsonTree.Number(revision, "revision") ?? 0;

    private static JsonObject NewRevision(JsonObject owner, string kind, string name, string hash, JsonObject data, long revision)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in JsonTree.StringMap(JsonTree.Existing(JsonTree.Existing(owner["spec"] as JsonObject, "template"), "metadata")?["labels"] as JsonObject))
        {
            labels[key] = value;
        }

        labels[HashLabel] = hash;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ControllerRevision",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ObjectMeta.Namespace(owner),
                ["labels"] = labels,
                ["ownerReferences"] = Owners.ControllerReference(owner, "apps/v1", kind),
            },
            ["data"] = data,
            ["revision"] = revision,
        };
    }
}
