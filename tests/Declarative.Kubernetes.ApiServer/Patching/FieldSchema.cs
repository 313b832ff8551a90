using System.Collections.Frozen;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// The part of the Kubernetes 1.32 OpenAPI schema that server-side apply needs: list types and keys, atomic
/// structs, and which objects are maps rather than structs. A schema path is the field names from the root with
/// list items left out (<c>spec.template.spec.containers.ports</c>). Patterns starting with '^' match from the
/// root, others match a suffix at a field boundary. Unknown lists are atomic; custom resources get only the
/// ObjectMeta rules (their lists are atomic, as for CRDs without list markers).
/// </summary>
internal sealed class FieldSchema(ApiResource resource)
{
    private static readonly (string? Kind, string Pattern, ListType Type)[] MetadataLists =
    [
        (null, "^metadata.finalizers", ListType.Set),
        (null, "^metadata.ownerReferences", ListType.Map("uid")),
    ];

    private static readonly (string? Kind, string Pattern, ListType Type)[] BuiltInLists =
    [
        ("ServiceAccount", "^imagePullSecrets", ListType.Atomic),
        ("ServiceAccount", "^secrets", ListType.Map("name")),
        ("Service", "^spec.ports", ListType.MapWithProtocol("port")),
        ("Job", "^status.conditions", ListType.Atomic),
        (null, "containers", ListType.Map("name")),
        (null, "initContainers", ListType.Map("name")),
        (null, "ephemeralContainers", ListType.Map("name")),
        (null, "containers.ports", ListType.MapWithProtocol("containerPort")),
        (null, "initContainers.ports", ListType.MapWithProtocol("containerPort")),
        (null, "ephemeralContainers.ports", ListType.MapWithProtocol("containerPort")),
        (null, "env", ListType.Map("name")),
        (null, "volumeMounts", ListType.Map("mountPath")),
        (null, "volumeDevices", ListType.Map("devicePath")),
        (null, "resources.claims", ListType.Map("name")),
        (null, "spec.volumes", ListType.Map("name")),
        (null, "spec.imagePullSecrets", ListType.Map("name")),
        (null, "spec.hostAliases", ListType.Map("ip")),
        (null, "spec.topologySpreadConstraints", ListType.Map("topologyKey", "whenUnsatisfiable")),
        (null, "spec.resourceClaims", ListType.Map("name")),
        (null, "spec.schedulingGates", ListType.Map("name")),
        (null, "^webhooks", ListType.Map("name")),
        (null, "^status.conditions", ListType.Map("type")),
        (null, "^status.podIPs", ListType.Map("ip")),
        (null, "^status.hostIPs", ListType.Map("ip")),
    ];

    private static readonly FrozenSet<string> SelectorKinds =
        FrozenSet.Create(StringComparer.Ordinal, "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget");

    private static readonly string[] AtomicStructs =
    [
        "labelSelector", "namespaceSelector", "podSelector", "secretKeyRef", "configMapKeyRef", "fieldRef",
        "resourceFieldRef", "nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution", "preference",
        "jobTemplate.spec.selector",
    ];

    private static readonly FrozenSet<string> MapFields = FrozenSet.Create(
        StringComparer.Ordinal, "labels", "annotations", "nodeSelector", "data", "binaryData", "stringData", "limits", "requests", "capacity", "allocatable", "parameters");

    public ApiResource Resource => resource;

    public ListType ListAt(string schemaPath)
    {
        var rules = resource.IsCustom ? MetadataLists : MetadataLists.Concat(BuiltInLists);
        foreach (var (kind, pattern, type) in rules)
        {
            if ((kind is null || kind == resource.Kind) && Matches(schemaPath, pattern))
            {
                return type;
            }
        }

        return ListType.Atomic;
    }

    /// <summary>A struct marked <c>+structType=atomic</c> (LabelSelector, SecretKeySelector...): owned as one value.</summary>
    public bool IsAtomicStruct(string schemaPath)
    {
        if (resource.IsCustom)
        {
            return false;
        }

        return (schemaPath == "spec.selector" && SelectorKinds.Contains(resource.Kind))
            || AtomicStructs.Any(pattern => Matches(schemaPath, pattern));
    }

    /// <summary>A map[string]T field (labels, data...), which an Update owns as an item (".") besides its keys.</summary>
    public bool IsMapField(string schemaPath)
    {
        if (!resource.IsCustom && resource.Kind == "Service" && schemaPath == "spec.selector")
        {
            return true;
        }

        var name = schemaPath[(schemaPath.LastIndexOf('.') + 1)..];
        return (!resource.IsCustom || schemaPath.StartsWith("metadata.", StringComparison.Ordinal)) && MapFields.Contains(name);
    }

    public static string Child(string schemaPath, string fieldName) => schemaPath.Length == 0 ? fieldName : schemaPath + "." + fieldName;

    private static bool Matches(string schemaPath, string pattern) =>
        pattern[0] == '^'
            ? schemaPath == pattern[1..]
            : schemaPath == pattern || schemaPath.EndsWith("." + pattern, StringComparison.Ordinal);
}
