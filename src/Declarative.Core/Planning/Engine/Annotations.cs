using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>The per-object annotations the planner honours.</summary>
internal static class Annotations
{
    /// <summary>The display paths of <c>declarative.dev/ignore-fields</c> ("spec.replicas, metadata.labels.tier").</summary>
    public static ImmutableArray<string> IgnoredPaths(JsonObject content) =>
        Value(content, WellKnown.IgnoreFieldsAnnotation) is { } text
            ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>Whether <c>declarative.dev/prune: disabled</c> keeps the object from being pruned.</summary>
    public static bool PruneDisabled(JsonObject content) =>
        string.Equals(Value(content, WellKnown.PruneAnnotation)?.Trim(), "disabled", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <c>declarative.dev/delete-protection: enabled</c> makes prune and destroy refuse without --force.</summary>
    public static bool DeleteProtected(JsonObject content) =>
        string.Equals(Value(content, WellKnown.DeleteProtectionAnnotation)?.Trim(), "enabled", StringComparison.OrdinalIgnoreCase);

    private static string? Value(JsonObject content, string annotation) =>
        JsonText.At(content, JsonPointer.Append("/metadata/annotations", annotation));
}
