using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// After the first apply of an adopted object: the fields client-side <c>kubectl apply</c> owned become ours and its
/// last-applied annotation goes (one JSON patch with the resourceVersion as a precondition, retried on a conflict
/// after reading the object again), then the same object is applied again, so the fields only client-side apply had
/// set and the manifests do not are removed (or reset to their defaults). kubectl's own upgrade to server-side apply
/// does the same three steps.
/// </summary>
internal sealed class AdoptionTakeover(IKubeClient client, KubernetesProviderOptions options)
{
    private const int MaxAttempts = 5;

    /// <param name="stored">The object as the server stored it after the apply of <paramref name="sent"/>.</param>
    public async Task<JsonObject> TakeOverAsync(KubeResource resource, string? ns, JsonObject stored, JsonObject sent, CancellationToken cancellationToken)
    {
        var name = JsonText.At(stored, "/metadata/name")!;
        for (var attempt = 1; ; attempt++)
        {
            var managedFields = JsonPointer.Get(stored, "/metadata/managedFields") as JsonArray;
            var managers = ClientSideApply.ManagersIn(managedFields);
            if (ManagedFieldsUpgrade.Upgrade(managedFields, options.FieldManager, managers) is not { } upgraded)
            {
                return stored;
            }

            try
            {
                await client.JsonPatchAsync(resource, ns, name, Operations(stored, upgraded), options.FieldManager, cancellationToken).ConfigureAwait(false);
                return await client.ApplyAsync(resource, sent, new KubeApplyOptions(options.FieldManager, options.ForceConflicts), cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException error) when (error.IsConflict && attempt < MaxAttempts)
            {
                // Someone wrote the object meanwhile: upgrade what is there now (gone: nothing left to take over).
                if (await client.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false) is not { } current)
                {
                    return stored;
                }

                stored = current;
            }
            catch (KubeApiException error)
            {
                throw new KubeApiException(
                    error.Code,
                    error.Reason,
                    $"{resource.Kind} \"{name}\" was adopted, but taking over the fields of {string.Join(", ", managers)} failed: {error.Message} The object has the manifests' values, but fields client-side apply set that the manifests do not stay until they are removed by hand.",
                    error.Causes,
                    error.Status);
            }
        }
    }

    private static JsonArray Operations(JsonObject stored, JsonArray upgraded)
    {
        var operations = new JsonArray
        {
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/managedFields", ["value"] = upgraded },

            // Replace, not test: a stale resourceVersion is then a 409 Conflict from storage, which is retried.
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/resourceVersion", ["value"] = JsonText.At(stored, "/metadata/resourceVersion") },
        };
        if (stored["metadata"]?["annotations"] is JsonObject annotations && annotations.ContainsKey(ClientSideApply.LastAppliedAnnotation))
        {
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = "/metadata/annotations/" + ClientSideApply.LastAppliedAnnotation.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) });
        }

        return operations;
    }
}
