namespace Declarative.KubeSchemaGen;

/// <summary>
/// What the KubernetesClient models lose and the schema file needs: required fields of reference types, enums, and
/// list merge keys. Every entry names the Kubernetes source it comes from; the generator fails when an entry names
/// a type or field the models do not have, so the tables cannot silently rot.
/// Only what the API server itself refuses is listed: a field the OpenAPI document marks required but the server
/// defaults (StatefulSetSpec.serviceName since 1.30, NetworkPolicySpec.podSelector) is left out on purpose.
/// </summary>
internal static class CuratedTables
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        // k8s.io/kubernetes pkg/apis/core/validation: validateContainers / validateEnv / ValidateVolumes ("Required value").
        ["V1Container"] = ["name"],
        ["V1EphemeralContainer"] = ["name"],
        ["V1EnvVar"] = ["name"],
        ["V1Volume"] = ["name"],
        ["V1VolumeMount"] = ["mountPath", "name"],
        ["V1VolumeDevice"] = ["devicePath", "name"],
        ["V1KeyToPath"] = ["key", "path"],
        ["V1ConfigMapKeySelector"] = ["key"],
        ["V1SecretKeySelector"] = ["key"],
        ["V1ObjectFieldSelector"] = ["fieldPath"],
        ["V1ResourceFieldSelector"] = ["resource"],
        ["V1DownwardAPIVolumeFile"] = ["path"],
        ["V1ServiceAccountTokenProjection"] = ["path"],
        ["V1HostPathVolumeSource"] = ["path"],
        ["V1PersistentVolumeClaimVolumeSource"] = ["claimName"],
        ["V1NFSVolumeSource"] = ["path", "server"],
        ["V1CSIVolumeSource"] = ["driver"],
        ["V1PodSpec"] = ["containers"],
        ["V1HTTPGetAction"] = ["port"],
        ["V1TCPSocketAction"] = ["port"],
        ["V1LabelSelectorRequirement"] = ["key", "operator"],
        ["V1NodeSelectorRequirement"] = ["key", "operator"],
        ["V1NodeSelector"] = ["nodeSelectorTerms"],
        ["V1PodAffinityTerm"] = ["topologyKey"],
        ["V1WeightedPodAffinityTerm"] = ["podAffinityTerm"],
        ["V1PreferredSchedulingTerm"] = ["preference"],
        ["V1TopologySpreadConstraint"] = ["topologyKey", "whenUnsatisfiable"],

        // pkg/apis/apps/validation and pkg/apis/batch/validation: selector and template of the workloads.
        ["V1DeploymentSpec"] = ["selector", "template"],
        ["V1DaemonSetSpec"] = ["selector", "template"],
        ["V1StatefulSetSpec"] = ["selector", "template"],
        ["V1ReplicaSetSpec"] = ["selector"],
        ["V1JobSpec"] = ["template"],
        ["V1CronJobSpec"] = ["jobTemplate", "schedule"],

        // pkg/apis/rbac/validation: ValidateRoleBinding, ValidateRoleBindingSubject, ValidatePolicyRule.
        ["V1RoleBinding"] = ["roleRef"],
        ["V1ClusterRoleBinding"] = ["roleRef"],
        ["V1RoleRef"] = ["apiGroup", "kind", "name"],
        ["Rbacv1Subject"] = ["kind", "name"],
        ["V1PolicyRule"] = ["verbs"],

        // pkg/apis/networking/validation: validateHTTPIngressPath, validateIngressBackend.
        ["V1HTTPIngressRuleValue"] = ["paths"],
        ["V1HTTPIngressPath"] = ["backend", "pathType"],
        ["V1IngressServiceBackend"] = ["name"],

        // pkg/apis/autoscaling/validation.
        ["V2HorizontalPodAutoscalerSpec"] = ["scaleTargetRef"],
        ["V1HorizontalPodAutoscalerSpec"] = ["scaleTargetRef"],
        ["V2CrossVersionObjectReference"] = ["kind", "name"],
        ["V1CrossVersionObjectReference"] = ["kind", "name"],
        ["V2MetricSpec"] = ["type"],
        ["V2MetricTarget"] = ["type"],
        ["V2ResourceMetricSource"] = ["name", "target"],

        // staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation.
        ["V1CustomResourceDefinitionSpec"] = ["group", "names", "scope", "versions"],
        ["V1CustomResourceDefinitionNames"] = ["kind", "plural"],

        // pkg/apis/admissionregistration/validation (v1 requires sideEffects and admissionReviewVersions).
        ["V1ValidatingWebhook"] = ["admissionReviewVersions", "clientConfig", "name", "sideEffects"],
        ["V1MutatingWebhook"] = ["admissionReviewVersions", "clientConfig", "name", "sideEffects"],
        ["Admissionregistrationv1ServiceReference"] = ["name", "namespace"],

        // pkg/apis/storage/validation.
        ["V1StorageClass"] = ["provisioner"],
    };

    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] SelectorOperators = ["DoesNotExist", "Exists", "In", "NotIn"];
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];
    private static readonly string[] ProfileTypes = ["Localhost", "RuntimeDefault", "Unconfined"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];

    // The "Possible enum values" of the Kubernetes 1.32 API reference (the +enum markers of k8s.io/api), for the
    // fields users write; an array property's enum applies to each item.
    private static readonly Dictionary<string, Dictionary<string, string[]>> Enums = new(StringComparer.Ordinal)
    {
        ["V1Container"] = new(StringComparer.Ordinal)
        {
            ["imagePullPolicy"] = PullPolicies,
            ["terminationMessagePolicy"] = ["FallbackToLogsOnError", "File"],
        },
        ["V1EphemeralContainer"] = new(StringComparer.Ordinal) { ["imagePullPolicy"] = PullPolicies },
        ["V1ContainerPort"] = new(StringComparer.Ordinal) { ["protocol"] = Protocols },
        ["V1ServicePort"] = new(StringComparer.Ordinal) { ["protocol"] = Protocols },
        ["V1NetworkPolicyPort"] = new(StringComparer.Ordinal) { ["protocol"] = Protocols },
        ["Discoveryv1EndpointPort"] = new(StringComparer.Ordinal) { ["protocol"] = Protocols },
        ["V1PodSpec"] = new(StringComparer.Ordinal)
        {
            ["dnsPolicy"] = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"],
            ["preemptionPolicy"] = ["Never", "PreemptLowerPriority"],
            ["restartPolicy"] = ["Always", "Never", "OnFailure"],
        },
        ["V1PodSecurityContext"] = new(StringComparer.Ordinal) { ["fsGroupChangePolicy"] = ["Always", "OnRootMismatch"] },
        ["V1PodOS"] = new(StringComparer.Ordinal) { ["name"] = ["linux", "windows"] },
        ["V1SeccompProfile"] = new(StringComparer.Ordinal) { ["type"] = ProfileTypes },
        ["V1AppArmorProfile"] = new(StringComparer.Ordinal) { ["type"] = ProfileTypes },
        ["V1ServiceSpec"] = new(StringComparer.Ordinal)
        {
            ["externalTrafficPolicy"] = TrafficPolicies,
            ["internalTrafficPolicy"] = TrafficPolicies,
            ["ipFamilies"] = ["IPv4", "IPv6"],
            ["ipFamilyPolicy"] = ["PreferDualStack", "RequireDualStack", "SingleStack"],
            ["sessionAffinity"] = ["ClientIP", "None"],
            ["type"] = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
        },
        ["V1HTTPGetAction"] = new(StringComparer.Ordinal) { ["scheme"] = ["HTTP", "HTTPS"] },
        ["V1Toleration"] = new(StringComparer.Ordinal)
        {
            ["effect"] = ["NoExecute", "NoSchedule", "PreferNoSchedule"],
            ["operator"] = ["Equal", "Exists"],
        },
        ["V1LabelSelectorRequirement"] = new(StringComparer.Ordinal) { ["operator"] = SelectorOperators },
        ["V1NodeSelectorRequirement"] = new(StringComparer.Ordinal) { ["operator"] = [.. SelectorOperators, "Gt", "Lt"] },
        ["V1TopologySpreadConstraint"] = new(StringComparer.Ordinal)
        {
            ["nodeAffinityPolicy"] = ["Honor", "Ignore"],
            ["nodeTaintsPolicy"] = ["Honor", "Ignore"],
            ["whenUnsatisfiable"] = ["DoNotSchedule", "ScheduleAnyway"],
        },
        ["V1VolumeMount"] = new(StringComparer.Ordinal) { ["mountPropagation"] = ["Bidirectional", "HostToContainer", "None"] },
        ["V1HostPathVolumeSource"] = new(StringComparer.Ordinal)
        {
            ["type"] = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"],
        },
        ["V1PersistentVolumeClaimSpec"] = new(StringComparer.Ordinal)
        {
            ["accessModes"] = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"],
            ["volumeMode"] = ["Block", "Filesystem"],
        },
        ["V1PersistentVolumeSpec"] = new(StringComparer.Ordinal)
        {
            ["accessModes"] = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"],
            ["persistentVolumeReclaimPolicy"] = ReclaimPolicies,
            ["volumeMode"] = ["Block", "Filesystem"],
        },
        ["V1StorageClass"] = new(StringComparer.Ordinal)
        {
            ["reclaimPolicy"] = ReclaimPolicies,
            ["volumeBindingMode"] = ["Immediate", "WaitForFirstConsumer"],
        },
        ["V1DeploymentStrategy"] = new(StringComparer.Ordinal) { ["type"] = ["Recreate", "RollingUpdate"] },
        ["V1DaemonSetUpdateStrategy"] = new(StringComparer.Ordinal) { ["type"] = ["OnDelete", "RollingUpdate"] },
        ["V1StatefulSetUpdateStrategy"] = new(StringComparer.Ordinal) { ["type"] = ["OnDelete", "RollingUpdate"] },
        ["V1StatefulSetSpec"] = new(StringComparer.Ordinal) { ["podManagementPolicy"] = ["OrderedReady", "Parallel"] },
        ["V1StatefulSetPersistentVolumeClaimRetentionPolicy"] = new(StringComparer.Ordinal)
        {
            ["whenDeleted"] = ["Delete", "Retain"],
            ["whenScaled"] = ["Delete", "Retain"],
        },
        ["V1CronJobSpec"] = new(StringComparer.Ordinal) { ["concurrencyPolicy"] = ["Allow", "Forbid", "Replace"] },
        ["V1JobSpec"] = new(StringComparer.Ordinal)
        {
            ["completionMode"] = ["Indexed", "NonIndexed"],
            ["podReplacementPolicy"] = ["Failed", "TerminatingOrFailed"],
        },
        ["V1HTTPIngressPath"] = new(StringComparer.Ordinal) { ["pathType"] = ["Exact", "ImplementationSpecific", "Prefix"] },
        ["V1NetworkPolicySpec"] = new(StringComparer.Ordinal) { ["policyTypes"] = ["Egress", "Ingress"] },
        ["Rbacv1Subject"] = new(StringComparer.Ordinal) { ["kind"] = ["Group", "ServiceAccount", "User"] },
        ["V1PodDisruptionBudgetSpec"] = new(StringComparer.Ordinal) { ["unhealthyPodEvictionPolicy"] = ["AlwaysAllow", "IfHealthyBudget"] },
        ["V2MetricSpec"] = new(StringComparer.Ordinal) { ["type"] = ["ContainerResource", "External", "Object", "Pods", "Resource"] },
        ["V2MetricTarget"] = new(StringComparer.Ordinal) { ["type"] = ["AverageValue", "Utilization", "Value"] },
        ["V2HPAScalingRules"] = new(StringComparer.Ordinal) { ["selectPolicy"] = ["Disabled", "Max", "Min"] },
        ["V2HPAScalingPolicy"] = new(StringComparer.Ordinal) { ["type"] = ["Percent", "Pods"] },
        ["V1CustomResourceDefinitionSpec"] = new(StringComparer.Ordinal) { ["scope"] = ["Cluster", "Namespaced"] },
        ["V1ValidatingWebhook"] = new(StringComparer.Ordinal)
        {
            ["failurePolicy"] = ["Fail", "Ignore"],
            ["matchPolicy"] = ["Equivalent", "Exact"],
            ["sideEffects"] = ["None", "NoneOnDryRun"],
        },
        ["V1MutatingWebhook"] = new(StringComparer.Ordinal)
        {
            ["failurePolicy"] = ["Fail", "Ignore"],
            ["matchPolicy"] = ["Equivalent", "Exact"],
            ["reinvocationPolicy"] = ["IfNeeded", "Never"],
            ["sideEffects"] = ["None", "NoneOnDryRun"],
        },
        ["V1RuleWithOperations"] = new(StringComparer.Ordinal)
        {
            ["operations"] = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"],
            ["scope"] = ["*", "Cluster", "Namespaced"],
        },
    };

    // The list keys the differ matches items by (src/Declarative.Core/Planning/ListKeys.cs), kept where the API
    // agrees (x-kubernetes-patch-merge-key of k8s.io/api). Left out: volumeMounts (the API keys them by mountPath,
    // the differ by name), tolerations and subjects (no key in the API: duplicates are legal there).
    private static readonly Dictionary<string, string[]> MergeKeyCandidates = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeDevices"] = ["devicePath"],
        ["imagePullSecrets"] = ["name"],
        ["hostAliases"] = ["ip"],
        ["conditions"] = ["type"],
        // Container ports are keyed by containerPort, Service ports by port, as ListKeys.For does.
        ["ports"] = ["containerPort", "port"],
        ["topologySpreadConstraints"] = ["topologyKey"],
        ["resourceClaims"] = ["name"],
    };

    public static IEnumerable<string> RequiredOf(string type) => Required.GetValueOrDefault(type) ?? [];

    public static SortedDictionary<string, string[]> EnumsOf(string type) =>
        new(Enums.GetValueOrDefault(type) ?? [], StringComparer.Ordinal);

    /// <summary>Adds a merge key to every list of objects whose field name has one and whose items carry it.</summary>
    public static void AddMergeKeys(SortedDictionary<string, TypeSchema> types)
    {
        foreach (var schema in types.Values)
        {
            foreach (var (field, expression) in schema.Properties)
            {
                if (!MergeKeyCandidates.TryGetValue(field, out var candidates)
                    || !expression.StartsWith('[')
                    || !types.TryGetValue(expression[1..], out var item))
                {
                    continue;
                }

                if (candidates.FirstOrDefault(item.Properties.ContainsKey) is { } key)
                {
                    schema.MergeKeys[field] = key;
                }
            }
        }
    }

    /// <summary>Fails when a curated entry names a type or field the models do not have.</summary>
    public static void CheckAgainst(SortedDictionary<string, TypeSchema> types)
    {
        var named = Required.SelectMany(entry => entry.Value.Select(field => (Type: entry.Key, Field: field)))
            .Concat(Enums.SelectMany(entry => entry.Value.Keys.Select(field => (Type: entry.Key, Field: field))));
        var missing = named
            .Where(n => !types.TryGetValue(n.Type, out var schema) || !schema.Properties.ContainsKey(n.Field))
            .Select(n => $"{n.Type}.{n.Field}")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The curated tables of {nameof(CuratedTables)} name fields the models do not have (renamed or unreachable from the built-in kinds): {string.Join(", ", missing)}.");
        }
    }
}
