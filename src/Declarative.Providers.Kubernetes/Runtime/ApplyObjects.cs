using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>The body of a server-side apply: a copy of the object, without ignored fields when it goes over a live one.</summary>
internal static class ApplyObjects
{
    public static JsonObject ForUpdate(JsonObject obj, ImmutableArray<string> ignoredPaths)
    {
        var copy = (JsonObject)obj.DeepClone();
        IgnoredFields.Remove(copy, ignoredPaths);
        return copy;
    }
}
