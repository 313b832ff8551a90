using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Reading metadata.managedFields (reference 5.2): who the entries are, and walking an entry's fieldsV1 tree
/// alongside an object (<c>f:name</c> for a field, <c>k:{json}</c> for a keyed list item).
/// </summary>
internal static class ManagedFieldsTree
{
    /// <summary>One entry of metadata.managedFields: its manager and the part of its fieldsV1 tree at the place
    /// being walked (null once the entry owns nothing there).</summary>
    public sealed record Owner(string Manager, JsonObject? Fields);

    /// <summary>The entries of the main resource (not /status) whose manager is not one of <paramref name="excluded"/>.</summary>
    public static List<Owner> OwnersOf(JsonArray? managedFields, IReadOnlySet<string> excluded) =>
    [
        .. (managedFields ?? [])
            .OfType<JsonObject>()
            .Where(e => JsonText.Of(e["manager"]) is { } m && !excluded.Contains(m) && JsonText.Of(e["subresource"]) != "status")
            .Select(e => new Owner(JsonText.Of(e["manager"])!, e["fieldsV1"] as JsonObject))
            .Where(o => o.Fields is not null),
    ];

    /// <summary>The owners of field <paramref name="key"/> below the current place, narrowed to it.</summary>
    public static List<Owner> Narrow(List<Owner> owners, string key) =>
        [.. owners.Select(o => o with { Fields = o.Fields![$"f:{key}"] as JsonObject }).Where(o => o.Fields is not null)];

    /// <summary>The owners of the list item whose key fields read <paramref name="identity"/>, narrowed to it.</summary>
    public static List<Owner> NarrowToItem(List<Owner> owners, string identity, ImmutableArray<string> keys) =>
    [
        .. owners
            .Select(o => o with { Fields = o.Fields!.Where(p => p.Key.StartsWith("k:", StringComparison.Ordinal) && KeyMatches(p.Key[2..], identity, keys)).Select(p => p.Value).OfType<JsonObject>().FirstOrDefault() })
            .Where(o => o.Fields is not null),
    ];

    private static bool KeyMatches(string keyJson, string identity, ImmutableArray<string> keys)
    {
        try
        {
            return JsonNode.Parse(keyJson) is JsonObject key && ListKeys.Identity(key, keys) == identity;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
