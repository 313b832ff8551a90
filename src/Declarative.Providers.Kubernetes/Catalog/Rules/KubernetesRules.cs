using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog.Rules;

/// <summary>
/// The API server's own validation rules that a manifest can break without any schema error, checked before
/// anything is applied: typed Secrets and their keys, base64 Secret data, the 1 MiB size of ConfigMaps and Secrets, container and port names, Service
/// ports. Each rule is worded after the server's message (kubernetes pkg/apis/core/validation) and located at the
/// field. Unknown fields and types are the schema validator's job, not these rules'.
/// </summary>
internal static class KubernetesRules
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, KindRef kind)
    {
        IEnumerable<Diagnostic> found = (kind.Group, kind.Kind) switch
        {
            (BuiltInKinds.CoreGroup, "Secret") => [.. SecretRules.Validate(document), .. SizeRules.Secret(document)],
            (BuiltInKinds.CoreGroup, "ConfigMap") => SizeRules.ConfigMap(document),
            (BuiltInKinds.CoreGroup, "Service") => ServiceRules.Validate(document),
            _ => [],
        };
        return PodTemplateReferences.PodSpecPointer(kind) is { } podSpec ? [.. found, .. PodSpecRules.Validate(document, podSpec)] : found;
    }
}
