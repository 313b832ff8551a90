using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>Deletes one object with a propagation policy and, when asked, follows it (through the shared watch of its
/// kind and namespace) until it is gone.</summary>
internal sealed class ObjectDeleter(IKubeClient client, ObjectWatcher watcher)
{
    public async Task DeleteAsync(KubeResource resource, string? ns, LiveResource live, DeleteOptions deleteOptions, CancellationToken cancellationToken)
    {
        var existed = await client.DeleteAsync(resource, ns, live.Address.Name, deleteOptions.Propagation, cancellationToken).ConfigureAwait(false);
        if (existed && deleteOptions.WaitUntilGone)
        {
            // A new object of the same name (another uid) means ours is gone. States older than the one read before
            // the delete prove nothing.
            var readAt = JsonText.At(live.Object, "/metadata/resourceVersion");
            await watcher.WatchUntilAsync(resource, ns, live.Address.Name, readAt, obj => obj is null || (live.Fingerprint.Uid is { } uid && JsonText.At(obj, "/metadata/uid") != uid), cancellationToken).ConfigureAwait(false);
        }
    }
}
