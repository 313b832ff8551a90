using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>GET on a collection: selectors, limit/continue pages on one snapshot, all-namespaces lists.</summary>
internal static class ListHandler
{
    public const string ContinueExpiredMessage =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    public static async Task HandleAsync(RequestScope scope)
    {
        ListOptionsValidation.Validate(scope, watch: false);
        var filter = ObjectFilter.From(scope);
        var limit = ParseLimit(scope.Query("limit"));
        var (snapshot, after) = OpenSnapshot(scope);
        var matching = snapshot.Items
            .Where(p => filter.InScope(p.Key) && string.CompareOrdinal(p.Key, after) > 0 && filter.Matches(p.Value))
            .ToList();
        var page = limit > 0 ? matching.Take(limit).ToList() : matching;
        var metadata = new JsonObject { ["resourceVersion"] = snapshot.Revision.ToString(CultureInfo.InvariantCulture) };
        if (page.Count < matching.Count)
        {
            scope.Store.KeepSnapshot(scope.Resource, snapshot);
            metadata["continue"] = new ContinueToken(snapshot.Revision, page[^1].Key).Encode();
            if (filter.SelectsEverything)
            {
                metadata["remainingItemCount"] = matching.Count - page.Count;
            }
        }

        await scope.RespondAsync(200, ListBody(scope, metadata, page.Select(p => p.Value)));
    }

    /// <summary>A {Kind}List: built-in items without kind/apiVersion, custom resource items with them.</summary>
    public static JsonObject ListBody(RequestScope scope, JsonObject metadata, IEnumerable<JsonObject> items) => new()
    {
        ["kind"] = scope.Resource.ListKind,
        ["apiVersion"] = scope.Resource.ApiVersion,
        ["metadata"] = metadata,
        ["items"] = new JsonArray([.. items.Select(o => (JsonNode)ListItem(scope, o))]),
    };

    private static JsonObject ListItem(RequestScope scope, JsonObject stored)
    {
        var item = scope.Present(stored);
        if (!scope.Resource.IsCustom)
        {
            item.Remove("kind");
            item.Remove("apiVersion");
        }

        return item;
    }

    private static (ListSnapshot Snapshot, string After) OpenSnapshot(RequestScope scope)
    {
        var token = scope.Query("continue");
        if (string.IsNullOrEmpty(token))
        {
            return (scope.Store.List(scope.Resource), string.Empty);
        }

        var position = ContinueToken.Decode(token);
        if (position.Revision == 0)
        {
            return (scope.Store.List(scope.Resource), position.After);
        }

        var snapshot = scope.State.Faults.ExpireContinueTokens ? null : scope.Store.SnapshotAt(scope.Resource, position.Revision);
        return snapshot is null
            ? throw StatusFactory.Expired(ContinueExpiredMessage, new ContinueToken(0, position.After).Encode())
            : (snapshot, position.After);
    }

    private static int ParseLimit(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit >= 0
            ? limit
            : throw StatusFactory.BadRequest($"invalid limit: {text}");
    }
}
