using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>core/v1 defaults other than Pods and Services (kubernetes pkg/apis/core/v1/defaults.go).</summary>
internal static class CoreDefaults
{
    public static void ReplicationController(JsonObject rc)
    {
        if (JsonTree.Child(rc, "spec") is not { } spec)
        {
            return;
        }

        var templateLabels = JsonTree.Existing(JsonTree.Existing(JsonTree.Existing(spec, "template"), "metadata"), "labels");
        if (templateLabels is not null)
        {
            if (JsonTree.Existing(spec, "selector") is not { Count: > 0 })
            {
                spec["selector"] = templateLabels.DeepClone();
            }

            if (JsonTree.Child(rc, "metadata") is { } metadata && JsonTree.Existing(metadata, "labels") is not { Count: > 0 })
            {
                metadata["labels"] = templateLabels.DeepClone();
            }
        }

        JsonTree.Default(spec, "replicas", 1);
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    /// <summary>Type Opaque; stringData is write-only: the v1 conversion merges it into data, base64-encoded.</summary>
    public static void Secret(JsonObject secret)
    {
        JsonTree.Default(secret, "type", "Opaque");
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        secret.Remove("stringData");
        if (JsonTree.Child(secret, "data") is { } data)
        {
            foreach (var (key, value) in JsonTree.StringMap(stringData))
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            }
        }
    }

    public static void PersistentVolume(JsonObject spec)
    {
        JsonTree.Default(spec, "persistentVolumeReclaimPolicy", "Retain");
        JsonTree.Default(spec, "volumeMode", "Filesystem");
    }

    public static void PersistentVolumeClaim(JsonObject claim)
    {
        if (JsonTree.Child(claim, "spec") is { } spec)
        {
            JsonTree.Default(spec, "volumeMode", "Filesystem");
        }
    }

    /// <summary>The name label is set on every write (SetDefaults_Namespace), overriding what the body says.</summary>
    public static void Namespace(JsonObject ns)
    {
        var name = JsonTree.Name(ns);
        if (name.Length > 0 && JsonTree.Child(ns, "metadata") is { } metadata && JsonTree.Child(metadata, "labels") is { } labels)
        {
            labels["kubernetes.io/metadata.name"] = name;
        }
    }

    public static void NetworkPolicy(JsonObject spec)
    {
        foreach (var direction in new[] { "ingress", "egress" })
        {
            foreach (var (rule, _) in JsonTree.Items(spec, direction))
            {
                foreach (var (port, _) in JsonTree.Items(rule, "ports"))
                {
                    JsonTree.Default(port, "protocol", "TCP");
                }
            }
        }

        if (spec["policyTypes"] is JsonArray { Count: > 0 })
        {
            return;
        }

        var types = new JsonArray("Ingress");
        if (spec["egress"] is JsonArray { Count: > 0 })
        {
            types.Add("Egress");
        }

        spec["policyTypes"] = types;
    }
}
