using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// What <c>kubectl apply</c> without <c>--server-side</c> leaves on an object (reference 5.5): Update entries of its
/// field managers in metadata.managedFields and the last-applied-configuration annotation. Adoption takes them over
/// (<see cref="ManagedFieldsUpgrade"/>).
/// </summary>
internal static class ClientSideApply
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>kubectl's client-side apply manager, and the manager a server names the fields that existed before an
    /// object's first server-side apply.</summary>
    private static readonly ImmutableHashSet<string> KnownManagers = ImmutableHashSet.Create(StringComparer.Ordinal, "kubectl-client-side-apply", "before-first-apply");

    private static readonly string[] OwnershipLabels = [WellKnown.ManagedByLabel, WellKnown.ProjectLabel, WellKnown.EnvironmentLabel];

    /// <summary>The client-side managers among the Update entries of the main resource: the known names, and any
    /// manager owning the last-applied annotation (kubectl apply --field-manager NAME), sorted.</summary>
    public static ImmutableSortedSet<string> ManagersIn(JsonArray? managedFields) =>
    [
        .. (managedFields ?? [])
            .OfType<JsonObject>()
            .Where(e => JsonText.Of(e["operation"]) == "Update" && JsonText.Of(e["subresource"]) is null && JsonText.Of(e["manager"]) is not null)
            .Where(e => KnownManagers.Contains(JsonText.Of(e["manager"])!) || OwnsLastAppliedAnnotation(e))
            .Select(e => JsonText.Of(e["manager"])!),
    ];

    /// <summary>Whether applying <paramref name="desired"/> over <paramref name="live"/> adopts it: live lacks the
    /// ownership labels the desired object carries (the engine allows that only with --adopt).</summary>
    public static bool IsAdoption(JsonObject desired, JsonObject live)
    {
        var wanted = desired["metadata"]?["labels"] as JsonObject;
        var held = live["metadata"]?["labels"] as JsonObject;
        return OwnershipLabels.Any(label => JsonText.Of(wanted?[label]) is { } value && JsonText.Of(held?[label]) != value);
    }

    private static bool OwnsLastAppliedAnnotation(JsonObject entry) =>
        entry["fieldsV1"]?["f:metadata"]?["f:annotations"] is JsonObject annotations && annotations.ContainsKey($"f:{LastAppliedAnnotation}");
}
