namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>How the garbage collector classifies one owner of a dependent (garbagecollector.go classifyReferences).</summary>
public enum OwnerState
{
    /// <summary>The owner exists and is not deleting its dependents in the foreground.</summary>
    Solid,

    /// <summary>No object with the referenced kind, name and uid exists.</summary>
    Dangling,

    /// <summary>The owner is being deleted in the foreground: it waits for this dependent to go.</summary>
    WaitingForDependentsDeletion,
}
