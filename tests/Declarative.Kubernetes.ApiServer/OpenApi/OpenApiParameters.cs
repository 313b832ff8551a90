using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>The query and path parameters of the API server's operations, as its OpenAPI v3 documents list them
/// (kubectl looks for <c>fieldValidation</c> and <c>dryRun</c> among a PATCH operation's parameters).</summary>
public static class OpenApiParameters
{
    public static JsonArray Patch() => [DryRun(), FieldManager(), FieldValidation(), Force(), Pretty()];

    public static JsonArray Write() => [DryRun(), FieldManager(), FieldValidation(), Pretty()];

    public static JsonArray Read() => [Pretty()];

    public static JsonArray Delete() =>
    [
        DryRun(),
        Query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        Query("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean", "If set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error."),
        Query("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7."),
        Query("propagationPolicy", "string", "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'."),
        Pretty(),
    ];

    public static JsonArray List() =>
    [
        Query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
        Query("continue", "string", "The continue option should be set when retrieving more results from the server."),
        Query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
        Query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
        Query("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        Query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        Query("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls."),
        Query("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`."),
        Query("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        Query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications."),
        Pretty(),
    ];

    public static JsonObject PathParameter(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject DryRun() => Query("dryRun", "string", "When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed");

    private static JsonObject FieldManager() => Query("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.");

    private static JsonObject FieldValidation() => Query("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict");

    private static JsonObject Force() => Query("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.");

    private static JsonObject Pretty() => Query("pretty", "string", "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).");

    private static JsonObject Query(string name, string type, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };
}
