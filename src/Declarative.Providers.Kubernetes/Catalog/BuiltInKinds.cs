using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// Every kind of every GA group/version that Kubernetes 1.32 serves. Beta and alpha kinds are left out on
/// purpose: their scope comes from discovery, like any other kind the catalog does not know.
/// </summary>
internal static class BuiltInKinds
{
    private const ResourceScope Namespaced = ResourceScope.Namespaced;
    private const ResourceScope Cluster = ResourceScope.Cluster;

    public const string CoreGroup = "";
    public const string Apps = "apps";
    public const string Batch = "batch";
    public const string Networking = "networking.k8s.io";
    public const string Rbac = "rbac.authorization.k8s.io";
    public const string ApiExtensions = "apiextensions.k8s.io";

    /// <summary>The legacy beta group that once served Deployment, Ingress and others; Kubernetes 1.22 removed
    /// it.</summary>
    public const string Extensions = "extensions";

    public static ImmutableArray<BuiltInKind> All { get; } =
    [
        Kind(CoreGroup, "Binding", "bindings", Namespaced, "v1"),
        Kind(CoreGroup, "ComponentStatus", "componentstatuses", Cluster, "v1"),
        Kind(CoreGroup, "ConfigMap", "configmaps", Namespaced, "v1"),
        Kind(CoreGroup, "Endpoints", "endpoints", Namespaced, "v1"),
        Kind(CoreGroup, "Event", "events", Namespaced, "v1"),
        Kind(CoreGroup, "LimitRange", "limitranges", Namespaced, "v1"),
        Kind(CoreGroup, "Namespace", "namespaces", Cluster, "v1"),
        Kind(CoreGroup, "Node", "nodes", Cluster, "v1"),
        Kind(CoreGroup, "PersistentVolume", "persistentvolumes", Cluster, "v1"),
        Kind(CoreGroup, "PersistentVolumeClaim", "persistentvolumeclaims", Namespaced, "v1"),
        Kind(CoreGroup, "Pod", "pods", Namespaced, "v1"),
        Kind(CoreGroup, "PodTemplate", "podtemplates", Namespaced, "v1"),
        Kind(CoreGroup, "ReplicationController", "replicationcontrollers", Namespaced, "v1"),
        Kind(CoreGroup, "ResourceQuota", "resourcequotas", Namespaced, "v1"),
        Kind(CoreGroup, "Secret", "secrets", Namespaced, "v1"),
        Kind(CoreGroup, "Service", "services", Namespaced, "v1"),
        Kind(CoreGroup, "ServiceAccount", "serviceaccounts", Namespaced, "v1"),
        Kind("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Cluster, "v1"),
        Kind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy", "validatingadmissionpolicies", Cluster, "v1"),
        Kind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings", Cluster, "v1"),
        Kind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Cluster, "v1"),
        Kind(ApiExtensions, "CustomResourceDefinition", "customresourcedefinitions", Cluster, "v1"),
        Kind("apiregistration.k8s.io", "APIService", "apiservices", Cluster, "v1"),
        Kind(Apps, "ControllerRevision", "controllerrevisions", Namespaced, "v1"),
        Kind(Apps, "DaemonSet", "daemonsets", Namespaced, "v1"),
        Kind(Apps, "Deployment", "deployments", Namespaced, "v1"),
        Kind(Apps, "ReplicaSet", "replicasets", Namespaced, "v1"),
        Kind(Apps, "StatefulSet", "statefulsets", Namespaced, "v1"),
        Kind("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews", Cluster, "v1"),
        Kind("authentication.k8s.io", "TokenReview", "tokenreviews", Cluster, "v1"),
        Kind("authorization.k8s.io", "LocalSubjectAccessReview", "localsubjectaccessreviews", Namespaced, "v1"),
        Kind("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews", Cluster, "v1"),
        Kind("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews", Cluster, "v1"),
        Kind("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews", Cluster, "v1"),
        Kind("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", Namespaced, "v2", "v1"),
        Kind(Batch, "CronJob", "cronjobs", Namespaced, "v1"),
        Kind(Batch, "Job", "jobs", Namespaced, "v1"),
        Kind("certificates.k8s.io", "CertificateSigningRequest", "certificatesigningrequests", Cluster, "v1"),
        Kind("coordination.k8s.io", "Lease", "leases", Namespaced, "v1"),
        Kind("discovery.k8s.io", "EndpointSlice", "endpointslices", Namespaced, "v1"),
        Kind("events.k8s.io", "Event", "events", Namespaced, "v1"),
        Kind("flowcontrol.apiserver.k8s.io", "FlowSchema", "flowschemas", Cluster, "v1"),
        Kind("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration", "prioritylevelconfigurations", Cluster, "v1"),
        Kind(Networking, "Ingress", "ingresses", Namespaced, "v1"),
        Kind(Networking, "IngressClass", "ingressclasses", Cluster, "v1"),
        Kind(Networking, "NetworkPolicy", "networkpolicies", Namespaced, "v1"),
        Kind("node.k8s.io", "RuntimeClass", "runtimeclasses", Cluster, "v1"),
        Kind("policy", "PodDisruptionBudget", "poddisruptionbudgets", Namespaced, "v1"),
        Kind(Rbac, "ClusterRole", "clusterroles", Cluster, "v1"),
        Kind(Rbac, "ClusterRoleBinding", "clusterrolebindings", Cluster, "v1"),
        Kind(Rbac, "Role", "roles", Namespaced, "v1"),
        Kind(Rbac, "RoleBinding", "rolebindings", Namespaced, "v1"),
        Kind("scheduling.k8s.io", "PriorityClass", "priorityclasses", Cluster, "v1"),
        Kind("storage.k8s.io", "CSIDriver", "csidrivers", Cluster, "v1"),
        Kind("storage.k8s.io", "CSINode", "csinodes", Cluster, "v1"),
        Kind("storage.k8s.io", "CSIStorageCapacity", "csistoragecapacities", Namespaced, "v1"),
        Kind("storage.k8s.io", "StorageClass", "storageclasses", Cluster, "v1"),
        Kind("storage.k8s.io", "VolumeAttachment", "volumeattachments", Cluster, "v1"),
    ];

    private static readonly ImmutableDictionary<KindRef, BuiltInKind> ByKind = All.ToImmutableDictionary(k => k.KindRef);

    /// <summary>The built-in kind <paramref name="kind"/>, whatever version the document uses: scope and
    /// identity do not depend on the version.</summary>
    public static BuiltInKind? Find(KindRef kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>The built-in kind of <paramref name="kind"/>'s group whose name differs from it only in case.</summary>
    public static BuiltInKind? FindIgnoringCase(KindRef kind) =>
        All.FirstOrDefault(k => k.Group == kind.Group && string.Equals(k.Kind, kind.Kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first built-in kind named <paramref name="kind"/>, in any group.</summary>
    public static BuiltInKind? FindByName(string kind) => All.FirstOrDefault(k => k.Kind == kind);

    private static BuiltInKind Kind(string group, string kind, string resource, ResourceScope scope, params string[] versions) =>
        new(group, kind, resource, scope, [.. versions]);
}
