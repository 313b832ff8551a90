using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Moves the fields of client-side apply's Update entries into our Apply entry, as kubectl does when it upgrades an
/// object from client-side to server-side apply (k8s.io/client-go/util/csaupgrade): afterwards a field the manifests
/// stop setting has no other owner and server-side apply removes it. Unlike kubectl, the fields of every such entry
/// are kept (kubectl keeps only the entry of our entry's apiVersion), and the last-applied annotation is left out
/// because adoption drops it.
/// </summary>
internal static class ManagedFieldsUpgrade
{
    /// <summary>The new metadata.managedFields, or null when no entry of <paramref name="clientSideManagers"/> is
    /// left to take over.</summary>
    public static JsonArray? Upgrade(JsonArray? managedFields, string fieldManager, IReadOnlySet<string> clientSideManagers)
    {
        var entries = (managedFields ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()).ToList();
        var taken = entries.Where(e => IsClientSide(e, clientSideManagers)).ToList();
        if (taken.Count == 0)
        {
            return null;
        }

        var ours = entries.FirstOrDefault(e => JsonText.Of(e["manager"]) == fieldManager && JsonText.Of(e["operation"]) == "Apply" && JsonText.Of(e["subresource"]) is null);
        if (ours is null)
        {
            // Nothing applied yet under our name: the newest client-side entry becomes ours.
            ours = taken[0];
            ours["manager"] = fieldManager;
            ours["operation"] = "Apply";
            taken.RemoveAt(0);
        }

        var fields = ours["fieldsV1"] as JsonObject ?? [];
        foreach (var entry in taken)
        {
            Union(fields, entry["fieldsV1"] as JsonObject);
        }

        RemoveLastAppliedAnnotation(fields);
        ours["fieldsV1"] = fields;
        ours["fieldsType"] = "FieldsV1";
        return [.. entries.Where(e => !taken.Contains(e)).Select(e => (JsonNode)e)];
    }

    private static bool IsClientSide(JsonObject entry, IReadOnlySet<string> managers) =>
        JsonText.Of(entry["operation"]) == "Update" && JsonText.Of(entry["subresource"]) is null && JsonText.Of(entry["manager"]) is { } manager && managers.Contains(manager);

    /// <summary>fieldsV1 trees are objects all the way down (leaves are {}), so their union is a deep merge.</summary>
    private static void Union(JsonObject target, JsonObject? source)
    {
        foreach (var (key, value) in source ?? [])
        {
            if (target[key] is JsonObject existing && value is JsonObject more)
            {
                Union(existing, more);
            }
            else if (!target.ContainsKey(key))
            {
                target[key] = value?.DeepClone() ?? new JsonObject();
            }
        }
    }

    private static void RemoveLastAppliedAnnotation(JsonObject fields)
    {
        if (fields["f:metadata"] is JsonObject metadata && metadata["f:annotations"] is JsonObject annotations)
        {
            annotations.Remove($"f:{ClientSideApply.LastAppliedAnnotation}");
            if (annotations.Count == 0 || (annotations.Count == 1 && annotations.ContainsKey(".")))
            {
                metadata.Remove("f:annotations");
            }

            if (metadata.Count == 0)
            {
                fields.Remove("f:metadata");
            }
        }
    }
}
