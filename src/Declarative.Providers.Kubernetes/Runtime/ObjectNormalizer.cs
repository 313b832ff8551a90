using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Normalization before any diff (reference 6.1): the server-owned parts of an object are dropped and null reads as
/// absent. Always works on a copy.
/// </summary>
internal static class ObjectNormalizer
{
    /// <summary>metadata fields the server owns: dropped before any comparison.</summary>
    public static readonly string[] ServerMetadata =
    [
        "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds",
    ];

    /// <summary>Annotations the server or kubectl writes: dropped before any comparison.</summary>
    public static readonly string[] ServerAnnotations =
    [
        "deployment.kubernetes.io/revision", "kubectl.kubernetes.io/last-applied-configuration",
    ];

    public static JsonObject Normalize(JsonObject source)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                foreach (var annotation in ServerAnnotations)
                {
                    annotations.Remove(annotation);
                }

                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }
        }

        RemoveNulls(copy);
        FoldStringData(copy);
        return copy;
    }

    /// <summary>A Secret's stringData is write-only: the server merges it into data (base64, stringData winning) and
    /// never returns it, so what was applied compares with what is live only once folded the same way.</summary>
    private static void FoldStringData(JsonObject obj)
    {
        if (!HasStringData(obj))
        {
            return;
        }

        if (obj["data"] is not JsonObject data)
        {
            data = [];
            obj["data"] = data;
        }

        foreach (var (key, value) in (JsonObject)obj["stringData"]!)
        {
            if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text.GetValue<string>()));
            }
        }

        obj.Remove("stringData");
    }

    /// <summary>A v1 Secret carrying stringData, which <see cref="Normalize"/> folds into data.</summary>
    public static bool HasStringData(JsonObject obj) =>
        IsText(obj["kind"], "Secret") && IsText(obj["apiVersion"], "v1") && obj["stringData"] is JsonObject;

    private static bool IsText(JsonNode? node, string expected) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>() == expected;

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var child in obj)
                {
                    RemoveNulls(child.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
            default:
                break;
        }
    }
}
