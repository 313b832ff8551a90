using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// The ConfigMaps, Secrets, PersistentVolumeClaims and ServiceAccount a pod spec names. A StatefulSet's
/// volumeClaimTemplates create their own claims, so they imply no edge.
/// </summary>
internal static class PodTemplateReferences
{
    private const string ConfigMap = "ConfigMap";
    private const string Secret = "Secret";

    public static IEnumerable<DependencyRequest> Find(Resource resource)
    {
        if (PodSpecPointer(resource.Type.KindRef) is not { } spec)
        {
            return [];
        }

        var content = resource.Content;
        IEnumerable<(string Pointer, string Kind)> fields =
        [
            .. VolumeFields(content, spec),
            .. ContainerFields(content, spec, "initContainers"),
            .. ContainerFields(content, spec, "containers"),
            .. JsonText.Items(content, $"{spec}/imagePullSecrets").Select(s => ($"{s.Pointer}/name", Secret)),
            ($"{spec}/serviceAccountName", "ServiceAccount"),
        ];
        return fields
            .Select(f => NamedReference.At(resource, f.Pointer, BuiltInKinds.CoreGroup, f.Kind, resource.Address.Namespace))
            .OfType<DependencyRequest>();
    }

    /// <summary>Where the pod spec sits in an object of <paramref name="kind"/>, or null when it has none.</summary>
    public static string? PodSpecPointer(KindRef kind) => (kind.Group, kind.Kind) switch
    {
        (BuiltInKinds.CoreGroup, "Pod") => "/spec",
        (BuiltInKinds.CoreGroup, "PodTemplate") => "/template/spec",
        (BuiltInKinds.CoreGroup, "ReplicationController") => "/spec/template/spec",
        (BuiltInKinds.Apps, "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet") => "/spec/template/spec",
        (BuiltInKinds.Batch, "Job") => "/spec/template/spec",
        (BuiltInKinds.Batch, "CronJob") => "/spec/jobTemplate/spec/template/spec",
        _ => null,
    };

    private static IEnumerable<(string Pointer, string Kind)> VolumeFields(JsonNode content, string spec) =>
        JsonText.Items(content, $"{spec}/volumes").SelectMany(volume => (IEnumerable<(string, string)>)
        [
            ($"{volume.Pointer}/configMap/name", ConfigMap),
            ($"{volume.Pointer}/secret/secretName", Secret),
            ($"{volume.Pointer}/persistentVolumeClaim/claimName", "PersistentVolumeClaim"),
            .. JsonText.Items(content, $"{volume.Pointer}/projected/sources").SelectMany(source => (IEnumerable<(string, string)>)
            [
                ($"{source.Pointer}/configMap/name", ConfigMap),
                ($"{source.Pointer}/secret/name", Secret),
            ]),
        ]);

    private static IEnumerable<(string Pointer, string Kind)> ContainerFields(JsonNode content, string spec, string list) =>
        JsonText.Items(content, $"{spec}/{list}").SelectMany(container => (IEnumerable<(string, string)>)
        [
            .. JsonText.Items(content, $"{container.Pointer}/env").SelectMany(env => (IEnumerable<(string, string)>)
            [
                ($"{env.Pointer}/valueFrom/configMapKeyRef/name", ConfigMap),
                ($"{env.Pointer}/valueFrom/secretKeyRef/name", Secret),
            ]),
            .. JsonText.Items(content, $"{container.Pointer}/envFrom").SelectMany(source => (IEnumerable<(string, string)>)
            [
                ($"{source.Pointer}/configMapRef/name", ConfigMap),
                ($"{source.Pointer}/secretRef/name", Secret),
            ]),
        ]);
}
