using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>The namespace deleter's content pass (namespaced_resources_deleter.go deleteAllContent): every object
/// of every namespaced collection, custom resources included, is deleted in the background; then what is still
/// there is counted.</summary>
public static class NamespaceContent
{
    public static RemainingContent DeleteAll(ControllerContext context, string ns)
    {
        var byResource = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byFinalizer = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in ObjectGraph.Collections(context.State.Registry).Where(r => r.Namespaced))
        {
            foreach (var obj in context.List(resource, ns).Where(o => !ObjectMeta.IsDeleting(o)).ToList())
            {
                Cascade.Delete(context, resource, obj, "Background");
            }

            foreach (var left in context.List(resource, ns))
            {
                Add(byResource, $"{resource.Plural}.{resource.Group}");
                foreach (var finalizer in ObjectStore.Finalizers(left))
                {
                    Add(byFinalizer, finalizer);
                }
            }
        }

        return new RemainingContent(byResource, byFinalizer);
    }

    private static void Add(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
