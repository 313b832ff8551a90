using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// The Kubernetes API as the provider uses it, over HttpClient + System.Text.Json, generic over any
/// apiVersion/kind. Implementations retry transient failures (429 with Retry-After, 5xx, connection resets) with
/// capped backoff, never duplicate a create, and turn Status answers into <see cref="KubeApiException"/>s.
/// Thread-safe; one instance per target cluster and run.
/// </summary>
public interface IKubeClient
{
    /// <summary>The server URL, for messages and the revision's target identity.</summary>
    Uri Server { get; }

    /// <summary>Maps apiVersion + kind to its resource through discovery (cached per run and on disk, refreshed once
    /// on a miss so a CRD created earlier in the run is found). Throws <see cref="KubeApiException"/> (NotFound)
    /// when the server does not serve it.</summary>
    Task<KubeResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken);

    /// <summary>Maps a kind of a group to its resource in the group's preferred version, for callers that know only
    /// an address (group and kind, as Core's ResourceAddress holds them).</summary>
    Task<KubeResource> ResolveKindAsync(string group, string kind, CancellationToken cancellationToken);

    /// <summary>Every resource the server serves, each group in its preferred version (for counting what a
    /// Namespace holds).</summary>
    Task<System.Collections.Immutable.ImmutableArray<KubeResource>> ServedResourcesAsync(CancellationToken cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>All objects of the resource in <paramref name="ns"/> (null: all namespaces, or cluster-scoped) matching
    /// <paramref name="labelSelector"/>, following continue tokens and re-listing from the start on 410.</summary>
    Task<KubeList> ListAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Server-side apply (PATCH application/apply-patch+yaml) of <paramref name="obj"/>; returns the object as
    /// the server stored it (or would, with DryRun).</summary>
    Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, KubeApplyOptions options, CancellationToken cancellationToken);

    /// <summary>Create (POST) of <paramref name="obj"/>; returns the object as the server stored it (or would, with
    /// DryRun). A dry-run create of an object that exists answers 409 AlreadyExists only after the object passed
    /// admission and validation, so it checks a replacement while the object it replaces still exists.</summary>
    Task<JsonObject> CreateAsync(KubeResource resource, JsonObject obj, KubeCreateOptions options, CancellationToken cancellationToken);

    /// <summary>A JSON patch (RFC 6902) of the object, recorded under <paramref name="fieldManager"/>; a failed
    /// <c>test</c> or a stale <c>metadata.resourceVersion</c> in the patch is a 409 Conflict.</summary>
    Task<JsonObject> JsonPatchAsync(KubeResource resource, string? ns, string name, JsonArray operations, string fieldManager, CancellationToken cancellationToken);

    /// <summary>Deletes with the propagation policy; false when it was already gone.</summary>
    Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, DeletePropagation propagation, CancellationToken cancellationToken);

    /// <summary>Watches from <paramref name="resourceVersion"/>, optionally one object by name; ends when the server
    /// ends the stream. A 410 (ERROR event or answer) throws <see cref="KubeApiException"/> with Reason Expired.</summary>
    IAsyncEnumerable<KubeWatchEvent> WatchAsync(KubeResource resource, string? ns, string? name, string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken);
}
