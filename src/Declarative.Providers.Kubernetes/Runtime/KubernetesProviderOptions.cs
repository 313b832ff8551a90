using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>How <see cref="KubernetesProvider"/> talks to the cluster. The defaults are DESIGN's: server-side apply as
/// field manager "declarative" with force, Background propagation, dry-runs only where something changed.</summary>
public sealed record KubernetesProviderOptions
{
    /// <summary>The namespace of a namespaced object whose address has none (the kubeconfig context's).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>Server-side apply with force=true (take fields from other managers); false is --no-force-conflicts.</summary>
    public bool ForceConflicts { get; init; } = true;

    public string FieldManager { get; init; } = KubeApplyOptions.DefaultFieldManager;

    /// <summary>Propagation of the delete that precedes a replace.</summary>
    public DeletePropagation ReplacePropagation { get; init; } = DeletePropagation.Background;

    public DryRunPolicy DryRun { get; init; } = DryRunPolicy.WhenChanged;

    /// <summary>How often to poll (one LIST per kind and namespace that someone waits on) when the server refuses to
    /// watch.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the shared watch of a kind in a namespace stays open after its last wait ended, so waits
    /// that follow one another reuse it instead of listing again. Disposing the provider ends every watch.</summary>
    public TimeSpan SharedWatchLinger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest single watch request; the server may end it sooner.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock that wait deadlines are measured against.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
