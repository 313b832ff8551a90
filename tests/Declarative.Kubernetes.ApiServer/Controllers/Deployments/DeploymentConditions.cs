using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>Deployment conditions as deployment_util keeps them: reasons and messages of reference 7.1, and
/// SetDeploymentCondition's rules (same status and reason: untouched; same status: transition time kept; a
/// replaced condition moves to the end of the list).</summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";

    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    public static JsonObject New(string type, string status, string reason, string message, DateTimeOffset now)
    {
        var time = ObjectMeta.Timestamp(now);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = time,
            ["lastTransitionTime"] = time,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    public static JsonObject? Get(JsonObject status, string type) =>
        (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Text(c, "type") == type);

    public static string? Reason(JsonObject status, string type) => Get(status, type) is { } condition ? Text(condition, "reason") : null;

    /// <summary>SetDeploymentCondition; true when the list changed.</summary>
    public static bool Set(JsonObject status, JsonObject condition)
    {
        var type = Text(condition, "type")!;
        var current = Get(status, type);
        if (current is not null && Text(current, "status") == Text(condition, "status") && Text(current, "reason") == Text(condition, "reason"))
        {
            return false;
        }

        if (current is not null && Text(current, "status") == Text(condition, "status"))
        {
            condition["lastTransitionTime"] = current["lastTransitionTime"]?.DeepClone();
        }

        Remove(status, type);
        Conditions(status).Add(condition);
        return true;
    }

    public static void Remove(JsonObject status, string type)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            return;
        }

        foreach (var item in conditions.OfType<JsonObject>().Where(c => Text(c, "type") == type).ToList())
        {
            conditions.Remove(item);
        }

        if (conditions.Count == 0)
        {
            status.Remove("conditions");
        }
    }

    public static string? Text(JsonObject condition, string field) => condition[field] is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    private static JsonArray Conditions(JsonObject status)
    {
        if (status["conditions"] is JsonArray conditions)
        {
            return conditions;
        }

        var created = new JsonArray();
        status["conditions"] = created;
        return created;
    }
}
