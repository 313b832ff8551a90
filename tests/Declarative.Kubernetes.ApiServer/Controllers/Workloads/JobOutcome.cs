namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>Where a simulated Job ends up.</summary>
internal enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}
