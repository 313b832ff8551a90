using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>Objects and seam records for the provider's tests.</summary>
internal static class RuntimeObjects
{
    public static OwnerSelector Owner { get; } = new("shop", "prod");

    public static JsonObject Deployment(string name = "web", int replicas = 3, string image = "nginx:1.27", string ns = "default") => Parse($$$"""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","labels":{{{OwnerLabels}}}},
         "spec":{"replicas":{{{replicas}}},"selector":{"matchLabels":{"app":"{{{name}}}"}},
          "template":{"metadata":{"labels":{"app":"{{{name}}}"}},
           "spec":{"containers":[{"name":"web","image":"{{{image}}}","resources":{"requests":{"cpu":"500m","memory":"1Gi"} } }]} } } }
        """);

    public static JsonObject Secret(string name, string encodedValue) => Parse($$$"""
        {"apiVersion":"v1","kind":"Secret","metadata":{"name":"{{{name}}}","namespace":"default","labels":{{{OwnerLabels}}}},
         "type":"Opaque","data":{"password":"{{{encodedValue}}}"}}
        """);

    public static JsonObject ConfigMap(string name, string ns, bool labelled = true) => Parse($$$"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"{{{(labelled ? $",\"labels\":{OwnerLabels}" : string.Empty)}}}},
         "data":{"key":"value"}}
        """);

    public static string OwnerLabels => """{"app.kubernetes.io/managed-by":"declarative","declarative.dev/project":"shop","declarative.dev/environment":"prod"}""";

    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static ResourceAddress AddressOf(JsonObject obj)
    {
        var type = TypeOf(obj);
        return new ResourceAddress(string.Empty, type.Group, type.Kind, JsonText.At(obj, "/metadata/namespace"), JsonText.At(obj, "/metadata/name")!);
    }

    public static ResourceType TypeOf(JsonObject obj) => new(JsonText.At(obj, "/apiVersion")!, JsonText.At(obj, "/kind")!);

    public static DesiredResource Desired(JsonObject obj, ImmutableArray<UnknownValue> unknowns = default, ImmutableArray<string> sensitive = default, ImmutableArray<string> ignored = default) =>
        new(AddressOf(obj), TypeOf(obj), obj, unknowns.IsDefault ? [] : unknowns, sensitive.IsDefault ? [] : sensitive, ignored.IsDefault ? [] : ignored);

    public static LiveResource Live(JsonObject stored) => new(AddressOf(stored), TypeOf(stored), stored, new Fingerprint("test", JsonText.At(stored, "/metadata/uid"), null));

    public static AppliedResource Applied(JsonObject sent) => new(AddressOf(sent), TypeOf(sent), sent, ResourceOutputs.Empty, new Fingerprint("test", null, null));

    public static JsonObject With(JsonObject obj, string pointer, JsonNode? value)
    {
        var copy = (JsonObject)obj.DeepClone();
        JsonPointer.Set(copy, pointer, value);
        return copy;
    }
}
