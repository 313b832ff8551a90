using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>metav1.DeleteOptions from the body when there is one, else from the query (reference 3.6).</summary>
internal sealed record DeleteOptions(bool DryRun, string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion)
{
    private static readonly string[] Policies = ["Foreground", "Background", "Orphan"];

    public static async Task<DeleteOptions> ReadAsync(RequestScope scope)
    {
        var text = await RequestBody.ReadTextAsync(scope.Context);
        var options = text.Trim().Length > 0 ? FromBody(RequestBody.ParseJson(text) as JsonObject ?? []) : FromQuery(scope);
        return options;
    }

    private static DeleteOptions FromBody(JsonObject body)
    {
        var dryRun = body["dryRun"] is JsonArray values && WriteOptions.ParseDryRun([.. values.Select(v => v?.ToString() ?? string.Empty)], "DeleteOptions");
        var orphan = body["orphanDependents"] is JsonValue;
        return Validate(dryRun, Text(body["propagationPolicy"]), orphan, Text(body["preconditions"]?["uid"]), Text(body["preconditions"]?["resourceVersion"]));
    }

    private static DeleteOptions FromQuery(RequestScope scope)
    {
        var dryRun = WriteOptions.ParseDryRun(scope.Context.Request.Query["dryRun"].Select(v => v ?? string.Empty).ToList(), "DeleteOptions");
        return Validate(dryRun, scope.Query("propagationPolicy"), scope.Query("orphanDependents") is not null, null, null);
    }

    private static DeleteOptions Validate(bool dryRun, string? policy, bool orphanDependents, string? uid, string? resourceVersion)
    {
        var causes = new List<StatusCause>();
        if (policy is not null && !Policies.Contains(policy))
        {
            causes.Add(OptionErrors.NotSupported("propagationPolicy", $"\"{policy}\"", [.. Policies, "nil"]));
        }

        if (policy is not null && orphanDependents)
        {
            causes.Add(OptionErrors.Forbidden("propagationPolicy", "orphanDependents and deletionPropagation cannot be both set"));
        }

        return causes.Count > 0 ? throw OptionErrors.Invalid("DeleteOptions", [.. causes]) : new DeleteOptions(dryRun, policy, uid, resourceVersion);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
