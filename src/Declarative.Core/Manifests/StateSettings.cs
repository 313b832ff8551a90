namespace Declarative.Core.Manifests;

/// <summary>
/// Where an environment's history lives: <c>spec.state</c> in declarative.yaml, replaced whole by
/// <c>environments.E.state</c>. <see cref="Namespace"/>, <see cref="Context"/> and <see cref="LeaseDuration"/> belong
/// to the Kubernetes store (<see cref="Context"/> null: the environment's kubeconfig context; <see cref="LeaseDuration"/>
/// null: 60 s), <see cref="Connection"/> to the PostgreSQL store; the parser refuses a field the backend does not take.
/// </summary>
public sealed record StateSettings(StateBackend Backend, string? Namespace = null, string? Context = null, ConnectionReference? Connection = null, TimeSpan? LeaseDuration = null)
{
    /// <summary>Where the Kubernetes store keeps its Secrets and Lease when no namespace is given.</summary>
    public const string DefaultNamespace = "declarative-system";

    public static StateSettings Local { get; } = new(StateBackend.Local);

    /// <summary>The Kubernetes store's namespace: the one given, else <see cref="DefaultNamespace"/>.</summary>
    public string KubernetesNamespace => Namespace ?? DefaultNamespace;
}

/// <summary>The stores Declarative knows, by the word declarative.yaml uses.</summary>
public enum StateBackend
{
    Local,
    Kubernetes,
    Postgres,
}
