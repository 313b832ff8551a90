namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>A Job's pod counters at one moment, its outcome, and the real moment it next changes.</summary>
internal sealed record JobProgress(int Active, int Ready, int Failed, int Succeeded, JobOutcome Outcome, DateTimeOffset? Next);
