using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>PodSpec defaults (SetDefaults_PodSpec, containers, volumes), for Pods and every pod template.</summary>
internal static class PodSpecDefaults
{
    private static readonly string[] ModedSources = ["secret", "configMap", "projected", "downwardAPI"];

    private static readonly string[] VolumeSources =
    [
        "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
        "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI",
        "fc", "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
        "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
    ];

    /// <summary>Defaults <c>template.spec</c> of a pod template (Deployment, Job, PodTemplate...).</summary>
    public static void ApplyToTemplate(JsonObject? template)
    {
        if (template is not null && JsonTree.Child(template, "spec") is { } spec)
        {
            Apply(spec);
        }
    }

    public static void Apply(JsonObject spec)
    {
        JsonTree.Default(spec, "dnsPolicy", "ClusterFirst");
        JsonTree.Default(spec, "restartPolicy", "Always");
        JsonTree.Default(spec, "securityContext", new JsonObject());
        JsonTree.Default(spec, "terminationGracePeriodSeconds", 30);
        JsonTree.Default(spec, "schedulerName", "default-scheduler");
        foreach (var key in new[] { "initContainers", "containers" })
        {
            foreach (var (container, _) in JsonTree.Items(spec, key))
            {
                ContainerDefaults.Apply(container);
            }
        }

        foreach (var (volume, _) in JsonTree.Items(spec, "volumes"))
        {
            ApplyVolume(volume);
        }
    }

    private static void ApplyVolume(JsonObject volume)
    {
        if (!VolumeSources.Any(volume.ContainsKey))
        {
            volume["emptyDir"] = new JsonObject();
        }

        foreach (var key in ModedSources)
        {
            if (JsonTree.Existing(volume, key) is { } source)
            {
                JsonTree.Default(source, "defaultMode", 420);
            }
        }

        if (JsonTree.Existing(volume, "hostPath") is { } hostPath)
        {
            JsonTree.Default(hostPath, "type", string.Empty);
        }

        foreach (var (item, _) in JsonTree.Items(JsonTree.Existing(volume, "downwardAPI"), "items"))
        {
            ContainerDefaults.ApplyFieldRef(JsonTree.Existing(item, "fieldRef"));
        }
    }
}
