using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// A server dry-run of a create, made at plan time: a 404 means the object's namespace does not exist (and the plan
/// does not create it), a 422 that the server would refuse the object as written (a selector that does not match
/// the template's labels). Both are <see cref="ResourceRefusedException"/>s, reported at the manifest; anything else
/// is a failure of planning as before. The server's answer is the object as it would store it, defaults filled in.
/// </summary>
internal sealed class CreateCheck(IKubeClient client, KubernetesProviderOptions options)
{
    public async Task<JsonObject> CheckAsync(DesiredResource desired, CancellationToken cancellationToken)
    {
        var resource = await client.ResolveAsync(desired.Type.ApiVersion, desired.Type.Kind, cancellationToken).ConfigureAwait(false);
        try
        {
            return await client.ApplyAsync(resource, desired.Object, new KubeApplyOptions(options.FieldManager, options.ForceConflicts, DryRun: true), cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (error.IsNotFound && resource.Namespaced)
        {
            var ns = JsonText.At(desired.Object, "/metadata/namespace") ?? desired.Address.Namespace ?? options.DefaultNamespace;
            throw new ResourceRefusedException(
                desired.Address,
                $"namespace \"{ns}\" does not exist, and the project does not create it.",
                "metadata.namespace",
                $"Add a Namespace named {ns} to the project (it is then created first), or create it before applying.");
        }
        catch (KubeApiException error) when (error.IsInvalid)
        {
            var field = error.Causes.Select(c => c.Field).FirstOrDefault(f => !string.IsNullOrEmpty(f));
            throw new ResourceRefusedException(desired.Address, error.Message, field);
        }
    }
}
