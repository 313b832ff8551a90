using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>The status conditions of a terminating Namespace, worded as the namespace controller words them
/// (deletion/status_condition_utils.go): all five types, False with the "ok" reason unless content remains.</summary>
public static class NamespaceConditions
{
    private static readonly (string Type, string Reason, string Message)[] Ok =
    [
        ("NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"),
        ("NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
        ("NamespaceDeletionContentFailure", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
        ("NamespaceContentRemaining", "ContentRemoved", "All content successfully removed"),
        ("NamespaceFinalizersRemaining", "ContentHasNoFinalizers", "All content-preserving finalizers finished"),
    ];

    /// <summary>Sets status.conditions of <paramref name="ns"/>; a condition whose status and message did not
    /// change keeps its lastTransitionTime.</summary>
    public static void Apply(JsonObject ns, RemainingContent remaining, DateTimeOffset now)
    {
        if (ns["status"] is not JsonObject status)
        {
            status = [];
            ns["status"] = status;
        }

        var previous = (status["conditions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        status["conditions"] = new JsonArray([.. Ok.Select(ok => (JsonNode)Condition(ok, remaining, previous, now))]);
    }

    private static JsonObject Condition((string Type, string Reason, string Message) ok, RemainingContent remaining, List<JsonObject> previous, DateTimeOffset now)
    {
        var (state, reason, message) = ok.Type switch
        {
            "NamespaceContentRemaining" when remaining.ByResource.Count > 0 =>
                ("True", "SomeResourcesRemain", $"Some resources are remaining: {Listed(remaining.ByResource, "has {1} resource instances")}"),
            "NamespaceFinalizersRemaining" when remaining.ByFinalizer.Count > 0 =>
                ("True", "SomeFinalizersRemain", $"Some content in the namespace has finalizers remaining: {Listed(remaining.ByFinalizer, "in {1} resource instances")}"),
            _ => ("False", ok.Reason, ok.Message),
        };
        var before = previous.FirstOrDefault(c => c["type"]?.ToString() == ok.Type);
        var unchanged = before?["status"]?.ToString() == state && before["message"]?.ToString() == message;
        return new JsonObject
        {
            ["type"] = ok.Type,
            ["status"] = state,
            ["lastTransitionTime"] = unchanged ? before!["lastTransitionTime"]?.DeepClone() : ObjectMeta.Timestamp(now),
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static string Listed(IReadOnlyDictionary<string, int> counts, string format) =>
        string.Join(", ", counts
            .Select(p => string.Format(CultureInfo.InvariantCulture, "{0} " + format, p.Key, p.Value))
            .Order(StringComparer.Ordinal));
}
