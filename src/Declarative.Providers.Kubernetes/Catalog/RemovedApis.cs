using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// Every group/version Kubernetes removed up to 1.32, with the release that removed it and the replacement, as the
/// Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/) lists them.
/// </summary>
internal static class RemovedApis
{
    private const string PodSecurityAdmission =
        "PodSecurityPolicy has no replacement API: use Pod Security Admission (pod-security.kubernetes.io/enforce labels on the namespace) or a policy engine";

    // Entries name their kinds: a group/version may still serve other kinds (networking.k8s.io/v1beta1 serves
    // ServiceCIDR in 1.32). Only apps and extensions, which serve no beta kind at all any more, are removed whole.
    public static ImmutableArray<RemovedApi> All { get; } =
    [
        // 1.16
        .. Kinds("extensions", "v1beta1", "1.16", "apps/v1", "DaemonSet", "Deployment", "ReplicaSet"),
        new("extensions", "v1beta1", "NetworkPolicy", "1.16", "networking.k8s.io/v1"),
        new("extensions", "v1beta1", "PodSecurityPolicy", "1.16", PodSecurityAdmission),
        new("apps", "v1beta1", null, "1.16", "apps/v1"),
        new("apps", "v1beta2", null, "1.16", "apps/v1"),

        // 1.21
        new("batch", "v2alpha1", "CronJob", "1.21", "batch/v1"),

        // 1.22
        new("extensions", "v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"),
        new("extensions", "v1beta1", null, "1.22", "The whole extensions group is gone: look up the kind's current group in the Kubernetes API reference"),
        .. Kinds("networking.k8s.io", "v1beta1", "1.22", "networking.k8s.io/v1", "Ingress", "IngressClass"),
        .. Kinds("admissionregistration.k8s.io", "v1beta1", "1.22", "admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"),
        new("apiextensions.k8s.io", "v1beta1", "CustomResourceDefinition", "1.22", "apiextensions.k8s.io/v1"),
        new("apiregistration.k8s.io", "v1beta1", "APIService", "1.22", "apiregistration.k8s.io/v1"),
        new("authentication.k8s.io", "v1beta1", "TokenReview", "1.22", "authentication.k8s.io/v1"),
        .. Kinds("authorization.k8s.io", "v1beta1", "1.22", "authorization.k8s.io/v1", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"),
        new("certificates.k8s.io", "v1beta1", "CertificateSigningRequest", "1.22", "certificates.k8s.io/v1"),
        new("coordination.k8s.io", "v1beta1", "Lease", "1.22", "coordination.k8s.io/v1"),
        .. Kinds("rbac.authorization.k8s.io", "v1beta1", "1.22", "rbac.authorization.k8s.io/v1", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"),
        .. Kinds("rbac.authorization.k8s.io", "v1alpha1", "1.22", "rbac.authorization.k8s.io/v1", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"),
        new("scheduling.k8s.io", "v1beta1", "PriorityClass", "1.22", "scheduling.k8s.io/v1"),
        new("scheduling.k8s.io", "v1alpha1", "PriorityClass", "1.22", "scheduling.k8s.io/v1"),
        .. Kinds("storage.k8s.io", "v1beta1", "1.22", "storage.k8s.io/v1", "CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"),

        // 1.25
        new("batch", "v1beta1", "CronJob", "1.25", "batch/v1"),
        new("discovery.k8s.io", "v1beta1", "EndpointSlice", "1.25", "discovery.k8s.io/v1"),
        new("events.k8s.io", "v1beta1", "Event", "1.25", "events.k8s.io/v1"),
        new("autoscaling", "v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2"),
        new("policy", "v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"),
        new("policy", "v1beta1", "PodSecurityPolicy", "1.25", PodSecurityAdmission),
        new("node.k8s.io", "v1beta1", "RuntimeClass", "1.25", "node.k8s.io/v1"),

        // 1.26
        .. Kinds("flowcontrol.apiserver.k8s.io", "v1beta1", "1.26", "flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "PriorityLevelConfiguration"),
        new("autoscaling", "v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2"),

        // 1.27
        new("storage.k8s.io", "v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1"),

        // 1.29
        .. Kinds("flowcontrol.apiserver.k8s.io", "v1beta2", "1.29", "flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "PriorityLevelConfiguration"),

        // 1.32
        .. Kinds("flowcontrol.apiserver.k8s.io", "v1beta3", "1.32", "flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "PriorityLevelConfiguration"),
    ];

    /// <summary>The removal of <paramref name="type"/>'s group/version: the entry for its kind, else the entry for
    /// the whole group/version.</summary>
    public static RemovedApi? Find(ResourceType type) =>
        All.FirstOrDefault(r => r.Group == type.Group && r.Version == type.Version && r.Kind == type.Kind)
        ?? All.FirstOrDefault(r => r.Group == type.Group && r.Version == type.Version && r.Kind is null);

    private static IEnumerable<RemovedApi> Kinds(string group, string version, string release, string replacement, params string[] kinds) =>
        kinds.Select(kind => new RemovedApi(group, version, kind, release, replacement));
}
