namespace Declarative.Core.Providers;

public enum ResourceScope
{
    /// <summary>Lives in a namespace; a document without one gets the environment's default namespace.</summary>
    Namespaced,

    /// <summary>Has no namespace (cluster-scoped Kubernetes kinds, every Docker kind).</summary>
    Cluster,

    /// <summary>A kind the catalog cannot place without the live cluster (a custom kind whose CRD is not in
    /// the project). The namespace stays as written; a later stage asks discovery.</summary>
    Unknown,
}
