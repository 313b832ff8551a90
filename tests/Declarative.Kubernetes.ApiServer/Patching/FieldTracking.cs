using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// Which fields a write may own (apimachinery stripmeta.go and the strategies' reset fields): never apiVersion,
/// kind or the server-owned metadata; on the main resource of a kind with a status subresource not status; on
/// the status subresource only status.
/// </summary>
internal sealed class FieldTracking(ApiResource resource, string? subresource)
{
    /// <summary>Metadata the server owns: an apply never changes it and nobody owns it.</summary>
    public static readonly FrozenSet<string> SystemMetadata = FrozenSet.Create(
        StringComparer.Ordinal, "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds");

    private static readonly FrozenSet<string> UntrackedMetadata = FrozenSet.Create(
        StringComparer.Ordinal, [.. SystemMetadata, "name", "namespace", "clusterName"]);

    private bool IsStatusWrite => subresource == "status";

    private bool ResetsStatus => resource.Has("status");

    public bool IsTracked(FieldPath path)
    {
        if (path.Length == 0 || path.StartsWithField("apiVersion") || path.StartsWithField("kind"))
        {
            return false;
        }

        if (path.StartsWithField("metadata") && path.Length > 1 && UntrackedMetadata.Contains(path.Elements[1][2..]))
        {
            return false;
        }

        if (IsStatusWrite)
        {
            return path.StartsWithField("status");
        }

        return !(ResetsStatus && path.StartsWithField("status"));
    }

    public ImmutableHashSet<FieldPath> Filter(IEnumerable<FieldPath> paths) => [.. paths.Where(IsTracked)];

    /// <summary>The applied object with the parts this write may not change removed: managedFields and server
    /// metadata always, status on the main resource, everything but status on /status.</summary>
    public JsonObject ApplicableConfig(JsonObject applied)
    {
        var config = (JsonObject)applied.DeepClone();
        if (config["metadata"] is JsonObject metadata)
        {
            foreach (var name in SystemMetadata)
            {
                metadata.Remove(name);
            }
        }

        if (IsStatusWrite)
        {
            foreach (var name in config.Select(pair => pair.Key).Where(IsSpecField).ToList())
            {
                config.Remove(name);
            }

            KeepOnlyIdentity(config["metadata"] as JsonObject);
        }
        else if (ResetsStatus)
        {
            config.Remove("status");
        }

        return config;
    }

    private static void KeepOnlyIdentity(JsonObject? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var name in metadata.Select(pair => pair.Key).Where(name => name is not ("name" or "namespace")).ToList())
        {
            metadata.Remove(name);
        }
    }

    private static bool IsSpecField(string name) => name is not ("status" or "apiVersion" or "kind" or "metadata");
}
