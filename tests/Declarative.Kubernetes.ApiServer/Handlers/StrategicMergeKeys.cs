namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>
/// The <c>patchMergeKey</c>s of the Kubernetes 1.32 built-in lists that strategic merge patch merges item by item
/// (the Go struct tags <c>patchStrategy:"merge"</c>). A schema path is the field names from the root with list
/// items left out (<c>spec.template.spec.containers.ports</c>). Lists not named here are replaced whole, as
/// lists without a merge strategy are (tolerations, args, command, envFrom...).
/// </summary>
internal static class StrategicMergeKeys
{
    private static readonly (string Suffix, string Key)[] Keys =
    [
        ("containers.ports", "containerPort"),
        ("initContainers.ports", "containerPort"),
        ("ephemeralContainers.ports", "containerPort"),
        ("containers", "name"),
        ("initContainers", "name"),
        ("ephemeralContainers", "name"),
        ("env", "name"),
        ("volumeMounts", "mountPath"),
        ("volumeDevices", "devicePath"),
        ("volumes", "name"),
        ("imagePullSecrets", "name"),
        ("hostAliases", "ip"),
        ("topologySpreadConstraints", "topologyKey"),
        ("resourceClaims", "name"),
        ("schedulingGates", "name"),
        ("metadata.ownerReferences", "uid"),
        ("status.conditions", "type"),
    ];

    /// <summary>The merge key of the list at <paramref name="schemaPath"/>; null for lists replaced whole.</summary>
    public static string? For(string schemaPath)
    {
        // A Service's ports merge by port; it is the only built-in list at exactly spec.ports.
        if (schemaPath == "spec.ports")
        {
            return "port";
        }

        foreach (var (suffix, key) in Keys)
        {
            if (schemaPath == suffix || schemaPath.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Lists of scalars merged as sets (<c>metadata.finalizers</c>).</summary>
    public static bool IsMergedSet(string schemaPath) => schemaPath == "metadata.finalizers";
}
