using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>Safe reads of rendered documents, whose shape nothing has checked yet.</summary>
public static class JsonText
{
    /// <summary>The non-empty string at <paramref name="pointer"/>, or null for anything else.</summary>
    public static string? At(JsonNode? root, string pointer) => Of(JsonPointer.Get(root, pointer));

    /// <summary>The non-empty string <paramref name="node"/> holds, or null for anything else.</summary>
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>The items of the list at <paramref name="pointer"/> with their own pointers; nothing when it is not a list.</summary>
    public static IEnumerable<(JsonNode? Item, string Pointer)> Items(JsonNode? root, string pointer) =>
        JsonPointer.Get(root, pointer) is JsonArray array
            ? array.Select((item, index) => (item, JsonPointer.Append(pointer, index)))
            : [];

    /// <summary>How a value reads in a message: "a number", "a list", "empty".</summary>
    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "empty",
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => "not a string",
    };
}
