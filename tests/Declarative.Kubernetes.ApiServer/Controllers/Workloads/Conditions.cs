using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>status.conditions entries. lastTransitionTime moves only when the status value changes.</summary>
internal static class Conditions
{
    public static JsonObject? Find(JsonObject status, string type) =>
        JsonTree.Items(status, "conditions").Select(c => c.Item).FirstOrDefault(c => JsonTree.Text(c, "type") == type);

    public static bool IsTrue(JsonObject? status, string type) =>
        status is not null && Find(status, type) is { } condition && JsonTree.Text(condition, "status") == "True";

    /// <summary>Sets a Job-style condition (with lastProbeTime), appending it when absent.</summary>
    public static void SetJobCondition(JsonObject status, string type, string reason, string message, DateTimeOffset now)
    {
        var time = ObjectMeta.Timestamp(now);
        var condition = Find(status, type);
        var transition = condition is not null && JsonTree.Text(condition, "status") == "True"
            ? JsonTree.Text(condition, "lastTransitionTime") ?? time
            : time;
        var next = new JsonObject
        {
            ["lastProbeTime"] = time,
            ["lastTransitionTime"] = transition,
            ["message"] = message,
            ["reason"] = reason,
            ["status"] = "True",
            ["type"] = type,
        };
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }

        if (condition is null)
        {
            conditions.Add(next);
        }
        else
        {
            conditions[conditions.IndexOf(condition)] = next;
        }
    }
}
