namespace Declarative.Core.State;

/// <summary>What a revision was applied to: resolved once per run and stored, so a change shows in the plan.</summary>
public sealed record TargetIdentity(string? KubernetesServer, string? KubernetesContext, string DefaultNamespace, string? DockerHost);
