using System.Text.Json;
using System.Text.Json.Serialization;

namespace Declarative.Providers.Kubernetes.Discovery;

/// <summary>Source-generated serialisation of the discovery cache: reflection-based metadata cost a plan more to
/// build than reading the file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DiscoverySnapshot))]
internal sealed partial class DiscoveryJsonContext : JsonSerializerContext;
