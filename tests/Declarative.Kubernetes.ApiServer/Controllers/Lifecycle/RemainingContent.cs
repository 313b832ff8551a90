namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>What is left in a terminating namespace after a deletion pass: objects per resource
/// ("configmaps." for the core group, "widgets.example.com") and objects per finalizer that holds them.</summary>
public sealed record RemainingContent(IReadOnlyDictionary<string, int> ByResource, IReadOnlyDictionary<string, int> ByFinalizer)
{
    public bool IsEmpty => ByResource.Count == 0;
}
