using System.Text.Json.Serialization;

namespace Declarative.Core.State.Storage;

/// <summary>Source-generated serialization of the state files: camelCase, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StateFileV1))]
[JsonSerializable(typeof(LockFileV1))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
