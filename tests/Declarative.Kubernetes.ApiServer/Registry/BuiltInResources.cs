using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Registry;

/// <summary>The resources of every GA group/version of Kubernetes 1.32, as discovery lists them.</summary>
internal static class BuiltInResources
{
    private static readonly ImmutableArray<string> Status = ["status"];
    private static readonly ImmutableArray<string> StatusScale = ["status", "scale"];

    public static ImmutableArray<ApiResource> All { get; } =
    [
        R("", "v1", "ConfigMap", "configmaps", ns: true, shortNames: ["cm"]),
        R("", "v1", "Endpoints", "endpoints", ns: true, shortNames: ["ep"], singular: "endpoints"),
        R("", "v1", "Event", "events", ns: true, shortNames: ["ev"]),
        R("", "v1", "LimitRange", "limitranges", ns: true, shortNames: ["limits"]),
        R("", "v1", "Namespace", "namespaces", ns: false, shortNames: ["ns"], subresources: ["status", "finalize"]),
        R("", "v1", "Node", "nodes", ns: false, shortNames: ["no"], subresources: Status),
        R("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", ns: true, shortNames: ["pvc"], subresources: Status),
        R("", "v1", "PersistentVolume", "persistentvolumes", ns: false, shortNames: ["pv"], subresources: Status),
        R("", "v1", "Pod", "pods", ns: true, shortNames: ["po"], categories: ["all"], subresources: Status),
        R("", "v1", "PodTemplate", "podtemplates", ns: true),
        R("", "v1", "ReplicationController", "replicationcontrollers", ns: true, shortNames: ["rc"], categories: ["all"], subresources: StatusScale),
        R("", "v1", "ResourceQuota", "resourcequotas", ns: true, shortNames: ["quota"], subresources: Status),
        R("", "v1", "Secret", "secrets", ns: true),
        R("", "v1", "ServiceAccount", "serviceaccounts", ns: true, shortNames: ["sa"]),
        R("", "v1", "Service", "services", ns: true, shortNames: ["svc"], categories: ["all"], subresources: Status),
        R("apps", "v1", "ControllerRevision", "controllerrevisions", ns: true),
        R("apps", "v1", "DaemonSet", "daemonsets", ns: true, shortNames: ["ds"], categories: ["all"], subresources: Status),
        R("apps", "v1", "Deployment", "deployments", ns: true, shortNames: ["deploy"], categories: ["all"], subresources: StatusScale),
        R("apps", "v1", "ReplicaSet", "replicasets", ns: true, shortNames: ["rs"], categories: ["all"], subresources: StatusScale),
        R("apps", "v1", "StatefulSet", "statefulsets", ns: true, shortNames: ["sts"], categories: ["all"], subresources: StatusScale),
        R("batch", "v1", "CronJob", "cronjobs", ns: true, shortNames: ["cj"], categories: ["all"], subresources: Status),
        R("batch", "v1", "Job", "jobs", ns: true, categories: ["all"], subresources: Status),
        R("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", ns: true, shortNames: ["hpa"], categories: ["all"], subresources: Status),
        R("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", ns: true, shortNames: ["hpa"], categories: ["all"], subresources: Status),
        R("networking.k8s.io", "v1", "IngressClass", "ingressclasses", ns: false),
        R("networking.k8s.io", "v1", "Ingress", "ingresses", ns: true, shortNames: ["ing"], subresources: Status),
        R("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", ns: true, shortNames: ["netpol"], singular: "networkpolicy"),
        R("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", ns: true, shortNames: ["pdb"], subresources: Status),
        R("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", ns: false),
        R("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", ns: false),
        R("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", ns: true),
        R("rbac.authorization.k8s.io", "v1", "Role", "roles", ns: true),
        R("storage.k8s.io", "v1", "CSIDriver", "csidrivers", ns: false),
        R("storage.k8s.io", "v1", "CSINode", "csinodes", ns: false),
        R("storage.k8s.io", "v1", "CSIStorageCapacity", "csistoragecapacities", ns: true, singular: "csistoragecapacity"),
        R("storage.k8s.io", "v1", "StorageClass", "storageclasses", ns: false, shortNames: ["sc"], singular: "storageclass"),
        R("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", ns: false, subresources: Status),
        R("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", ns: false, shortNames: ["pc"], singular: "priorityclass"),
        R("coordination.k8s.io", "v1", "Lease", "leases", ns: true),
        R("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", ns: true),
        R("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", ns: false, singular: "runtimeclass"),
        R("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", ns: false),
        R("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", ns: false),
        R("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicy", "validatingadmissionpolicies", ns: false, subresources: Status, singular: "validatingadmissionpolicy"),
        R("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings", ns: false),
        R("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", ns: false, shortNames: ["csr"], subresources: ["status", "approval"]),
        R("events.k8s.io", "v1", "Event", "events", ns: true, shortNames: ["ev"]),
        R("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", ns: false, shortNames: ["crd", "crds"], categories: ["api-extensions"], subresources: Status),
        R("apiregistration.k8s.io", "v1", "APIService", "apiservices", ns: false, categories: ["api-extensions"], subresources: Status),
    ];

    private static ApiResource R(
        string group,
        string version,
        string kind,
        string plural,
        bool ns,
        ImmutableArray<string> shortNames = default,
        ImmutableArray<string> categories = default,
        ImmutableArray<string> subresources = default,
        string? singular = null) =>
        new(
            group,
            version,
            kind,
            plural,
            singular ?? kind.ToLowerInvariant(),
            ns,
            shortNames.IsDefault ? [] : shortNames,
            categories.IsDefault ? [] : categories,
            subresources.IsDefault ? [] : subresources,
            ApiResource.AllVerbs);
}
