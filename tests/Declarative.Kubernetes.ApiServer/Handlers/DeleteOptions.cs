using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>metav1.DeleteOptions from the body when there is one, else from the query (reference 3.6). A null
/// <see cref="PropagationPolicy"/> leaves the choice to the type and the object's finalizers.</summary>
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
        bool? orphan = body["orphanDependents"] is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;
        return Validate(dryRun, Text(body["propagationPolicy"]), orphan, Text(body["preconditions"]?["uid"]), Text(body["preconditions"]?["resourceVersion"]));
    }

    private static DeleteOptions FromQuery(RequestScope scope)
    {
        var dryRun = WriteOptions.ParseDryRun(scope.Context.Request.Query["dryRun"].Select(v => v ?? string.Empty).ToList(), "DeleteOptions");
        bool? orphan = scope.Query("orphanDependents") is not null ? scope.Flag("orphanDependents") : null;
        return Validate(dryRun, scope.Query("propagationPolicy"), orphan, null, null);
    }

    /// <summary>The deprecated orphanDependents flag, when set alone, stands for the Orphan or Background policy.</summary>
    private static DeleteOptions Validate(bool dryRun, string? policy, bool? orphanDependents, string? uid, string? resourceVersion)
    {
        var causes = new List<StatusCause>();
        if (policy is not null && !Policies.Contains(policy))
        {
            causes.Add(OptionErrors.NotSupported("propagationPolicy", $"\"{policy}\"", [.. Policies, "nil"]));
        }

        if (policy is not null && orphanDependents is not null)
        {
            causes.Add(OptionErrors.Forbidden("propagationPolicy", "orphanDependents and deletionPropagation cannot be both set"));
        }

        if (causes.Count > 0)
        {
            throw OptionErrors.Invalid("DeleteOptions", [.. causes]);
        }

        return new DeleteOptions(dryRun, policy ?? orphanDependents switch { true => "Orphan", false => "Background", null => null }, uid, resourceVersion);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
