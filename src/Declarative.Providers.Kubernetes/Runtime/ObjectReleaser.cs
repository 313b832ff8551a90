using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Releases an object the environment stops owning without deleting it (<c>declarative.dev/prune: disabled</c>): a
/// JSON patch removes Declarative's ownership labels (<c>app.kubernetes.io/managed-by</c> only while it still says
/// declarative), so later runs and <c>decl drift</c> no longer count it as this environment's. The object is read
/// first because a JSON patch cannot remove a label that is not there.
/// </summary>
internal sealed class ObjectReleaser(IKubeClient client, KubernetesProviderOptions options)
{
    public async Task ReleaseAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        var current = await client.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return;
        }

        var labels = current["metadata"]?["labels"] as JsonObject;
        var operations = new JsonArray([.. OwnershipLabels(labels).Select(key => (JsonNode)new JsonObject
        {
            ["op"] = "remove",
            ["path"] = JsonPointer.Append("/metadata/labels", key),
        })]);
        if (operations.Count == 0)
        {
            return;
        }

        try
        {
            await client.JsonPatchAsync(resource, ns, name, operations, options.FieldManager, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            // Deleted meanwhile: nothing left to release.
        }
    }

    private static IEnumerable<string> OwnershipLabels(JsonObject? labels)
    {
        if (labels is null)
        {
            yield break;
        }

        if (JsonText.Of(labels[WellKnown.ManagedByLabel]) == WellKnown.ManagedByValue)
        {
            yield return WellKnown.ManagedByLabel;
        }

        foreach (var key in new[] { WellKnown.ProjectLabel, WellKnown.EnvironmentLabel }.Where(labels.ContainsKey))
        {
            yield return key;
        }
    }
}
