using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>Tolerant reads of an object's status: a missing number is 0, a missing condition is null.</summary>
internal static class StatusFields
{
    public static long Number(JsonObject obj, string pointer, long fallback = 0) =>
        JsonPointer.Get(obj, pointer) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? (long)decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;

    public static bool Has(JsonObject obj, string pointer) => JsonPointer.Get(obj, pointer) is not null;

    public static string? Text(JsonObject obj, string pointer) => JsonText.At(obj, pointer);

    public static JsonObject? Condition(JsonObject obj, string type) =>
        (JsonPointer.Get(obj, "/status/conditions") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => JsonText.Of(c["type"]) == type);

    public static bool ConditionIs(JsonObject obj, string type, string status) =>
        Condition(obj, type) is { } condition && JsonText.Of(condition["status"]) == status;

    public static string Name(JsonObject obj) => $"{JsonText.At(obj, "/kind")} {JsonText.At(obj, "/metadata/name")}";
}
