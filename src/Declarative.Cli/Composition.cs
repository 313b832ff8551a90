using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Cli;

/// <summary>The providers this build knows. Order matters: the Kubernetes catalog owns any apiVersion/kind, so
/// it comes last.</summary>
internal static class Composition
{
    public static IReadOnlyList<IKindCatalog> Catalogs() => [new DockerKindCatalog(), new KubernetesKindCatalog()];
}
