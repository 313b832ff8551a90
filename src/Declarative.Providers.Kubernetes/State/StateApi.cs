using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// The few API calls the Kubernetes store makes, in its namespace, through the provider's client. Answers the store
/// handles (an absent object, a create that finds one, a stale resourceVersion) come back as null or false; any
/// other failure becomes a <see cref="StateStoreUnavailableException"/> naming the cluster, the namespace and, for
/// RBAC, the verb and resource that are missing, and pointing at docs/state.md. A namespaced create into a
/// namespace that does not exist creates the namespace first.
/// </summary>
internal sealed class StateApi(IKubeClient client, KubernetesStateOptions options)
{
    public const string FieldManager = "declarative-state";

    private static readonly ImmutableArray<string> Verbs = ["create", "delete", "get", "list", "patch", "update"];

    public static KubeResource Secrets { get; } = new(string.Empty, "v1", "Secret", "secrets", true, Verbs, []);

    public static KubeResource Leases { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", true, Verbs, []);

    public static KubeResource Namespaces { get; } = new(string.Empty, "v1", "Namespace", "namespaces", false, Verbs, []);

    public string Namespace => options.Namespace;

    /// <summary>"the kubernetes store (namespace declarative-system of cluster kind-dev at https://...)".</summary>
    public string Store => $"the kubernetes state store (namespace \"{options.Namespace}\" of cluster {options.ClusterName} at {client.Server})";

    public Task<ImmutableArray<JsonObject>> ListAsync(KubeResource resource, string selector, CancellationToken cancellationToken) =>
        CallAsync("list", resource, async () => (await client.ListAsync(resource, options.Namespace, selector, cancellationToken)).Items);

    public Task<JsonObject?> GetAsync(KubeResource resource, string name, CancellationToken cancellationToken) =>
        CallAsync("get", resource, () => client.GetAsync(resource, options.Namespace, name, cancellationToken));

    /// <summary>The created object, or null when one of that name exists.</summary>
    public async Task<JsonObject?> CreateAsync(KubeResource resource, JsonObject obj, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = attempt == 0;
            try
            {
                return await CallAsync(
                    "create",
                    resource,
                    () => client.CreateAsync(resource, obj, new KubeCreateOptions(FieldManager), cancellationToken),
                    rethrow: ex => AlreadyExists(ex) || (first && NamespaceMissing(ex)));
            }
            catch (KubeApiException ex) when (AlreadyExists(ex))
            {
                return null;
            }
            catch (KubeApiException ex) when (NamespaceMissing(ex))
            {
                await CreateNamespaceAsync(cancellationToken);
            }
        }
    }

    /// <summary>A JSON patch that names the resourceVersion it expects: the patched object, or null when the object
    /// changed (409) or is gone (404) meanwhile.</summary>
    public Task<JsonObject?> PatchAsync(KubeResource resource, string name, string resourceVersion, JsonArray operations, CancellationToken cancellationToken)
    {
        var guarded = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/metadata/resourceVersion", ["value"] = resourceVersion });
        foreach (var operation in operations)
        {
            guarded.Add(operation?.DeepClone());
        }

        return CallAsync<JsonObject?>("patch", resource, async () =>
        {
            try
            {
                return await client.JsonPatchAsync(resource, options.Namespace, name, guarded, FieldManager, cancellationToken);
            }
            catch (KubeApiException ex) when (ex.IsConflict || ex.IsNotFound)
            {
                return null;
            }
        });
    }

    /// <summary>False when it was already gone.</summary>
    public Task<bool> DeleteAsync(KubeResource resource, string name, CancellationToken cancellationToken) =>
        CallAsync("delete", resource, () => client.DeleteAsync(resource, options.Namespace, name, DeletePropagation.Background, cancellationToken));

    public static JsonObject Add(string path, JsonNode? value) => new() { ["op"] = "add", ["path"] = path, ["value"] = value };

    private async Task CreateNamespaceAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = options.Namespace },
        };
        try
        {
            await CallAsync("create", Namespaces, () => client.CreateAsync(Namespaces, body, new KubeCreateOptions(FieldManager), cancellationToken), rethrow: AlreadyExists);
        }
        catch (KubeApiException ex) when (AlreadyExists(ex))
        {
            // Another run created it meanwhile.
        }
    }

    private async Task<T> CallAsync<T>(string verb, KubeResource resource, Func<Task<T>> call, Func<KubeApiException, bool>? rethrow = null)
    {
        try
        {
            return await call();
        }
        catch (KubeApiException ex) when (rethrow is null || !rethrow(ex))
        {
            throw Unavailable(verb, resource, ex);
        }
    }

    private StateStoreUnavailableException Unavailable(string verb, KubeResource resource, KubeApiException error)
    {
        var what = resource.Group.Length == 0 ? $"\"{resource.Plural}\"" : $"\"{resource.Plural}\" in API group \"{resource.Group}\"";
        var where = resource.Namespaced ? $"in namespace \"{options.Namespace}\"" : "at the cluster scope";
        var cluster = $"cluster {options.ClusterName} ({client.Server})";
        return error.Code switch
        {
            403 => new StateStoreUnavailableException(
                Store,
                "The Kubernetes state store is not allowed to " + verb + " " + resource.Plural,
                [
                    $"The kubeconfig user of {cluster} may not {verb} {what} {where}: {KubeErrors.ServerWords(error)}.",
                    resource == Namespaces
                        ? $"Ask a cluster administrator to create namespace \"{options.Namespace}\" (or to allow this user to create namespaces), or choose an existing namespace with state.namespace in declarative.yaml; docs/state.md lists what the store needs."
                        : $"Grant the Role and RoleBinding of docs/state.md (\"Kubernetes store\", RBAC) in namespace \"{options.Namespace}\", or use a context whose user has them.",
                ],
                error),
            401 => new StateStoreUnavailableException(
                Store,
                "The Kubernetes state store rejected the credentials",
                [$"{cluster} answered 401 Unauthorized to {verb} {what} {where}.", "Refresh the token or certificate of the kubeconfig user (log in again), or use another context; see docs/state.md."],
                error),
            0 => new StateStoreUnavailableException(
                Store,
                "Cannot reach the Kubernetes state store",
                [error.Message, $"The state of this environment lives in namespace \"{options.Namespace}\" of {cluster}: check that the cluster runs and that the kubeconfig context (or state.context) names it; see docs/state.md."],
                error),
            _ => new StateStoreUnavailableException(
                Store,
                "The Kubernetes state store failed",
                [error.Message, $"The state of this environment lives in namespace \"{options.Namespace}\" of {cluster}; check the cluster and try again (docs/state.md)."],
                error),
        };
    }

    private static bool NamespaceMissing(KubeApiException ex) =>
        ex.IsNotFound && ex.Status?["details"]?["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text) && text == "namespaces";

    private static bool AlreadyExists(KubeApiException ex) => ex.Reason == "AlreadyExists";
}
