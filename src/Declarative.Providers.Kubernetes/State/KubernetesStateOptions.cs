using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// Where and how the Kubernetes store keeps one environment's history: the namespace (created when missing), the
/// project and environment (its labels and object names), the cluster's name for messages, the state key that seals
/// secret values, the clock, the Lease's duration (renewed every third of it while the lock is held) and the size of
/// one payload part.
/// </summary>
public sealed record KubernetesStateOptions(string Namespace, string Project, string Environment)
{
    public static TimeSpan DefaultLeaseDuration { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The kubeconfig context (or the server) in messages: "kind-dev".</summary>
    public string ClusterName { get; init; } = "(unnamed)";

    /// <summary>Null: secret values read back as "(sensitive)" and a revision holding any cannot be saved.</summary>
    public StateKey? Key { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whole seconds, at least 1: a Lease counts its duration in seconds.</summary>
    public TimeSpan LeaseDuration { get; init; } = DefaultLeaseDuration;

    public int ChunkBytes { get; init; } = SecretPayload.DefaultChunkBytes;

    public static KubernetesStateOptions For(StateSettings settings, string project, string environment) =>
        new(settings.KubernetesNamespace, project, environment);
}
