using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>In-memory storage of every object, the global resourceVersion counter and the watch event log.</summary>
public sealed class ObjectStore(ResourceRegistry registry, TimeProvider clock, int watchHistory)
{
    public ResourceRegistry Registry => registry;

    public TimeProvider Clock => clock;

    public int WatchHistory => watchHistory;
}
