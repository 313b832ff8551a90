using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>Puts the ownership labels (DESIGN "Ownership, state and history") on a copy of a desired object.</summary>
internal static class OwnershipLabels
{
    public static JsonObject Add(JsonObject content, OwnerSelector owner)
    {
        var copy = (JsonObject)content.DeepClone();
        if (copy["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            copy["metadata"] = metadata;
        }

        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        foreach (var (key, value) in owner.Labels)
        {
            labels[key] = value;
        }

        return copy;
    }
}
