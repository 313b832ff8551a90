using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// The fields a create's dry-run answer holds that the desired object does not set: what the server would fill in
/// (docs/plan.md, "Server defaults of new objects"). Server bookkeeping (uid, resourceVersion, generation,
/// creationTimestamp, managedFields, status) is left out by normalization, and so is a default that sets nothing
/// (<c>resources: {}</c>, <c>securityContext: {}</c>); ignored paths are left out and sensitive values masked, as in
/// every diff.
/// </summary>
internal static class ServerFilledFields
{
    public static ImmutableArray<FieldDiff> Of(PlanInput input, JsonObject stored)
    {
        var filled = ObjectNormalizer.Normalize(stored);
        ValueAligner.Align(filled, input.Desired);
        var options = input.DiffOptions with { Scope = null, UnknownPointers = [] };

        // Diffed from the server's object to the desired one, so list items are named as the manifest names them
        // (ports[containerPort=8080], not the defaulted ports[containerPort=8080,protocol=TCP]).
        return [.. FieldDiffer.Diff(filled, input.Desired, options)
            .Where(d => d.Kind == FieldDiffKind.Removed && !SetsNothing(d.Before))
            .Select(d => d with { Kind = FieldDiffKind.Added, Before = null, After = d.Before })];
    }

    private static bool SetsNothing(JsonNode? value) => value is JsonObject { Count: 0 } or JsonArray { Count: 0 };
}
