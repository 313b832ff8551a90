using System.Text.Encodings.Web;
using System.Text.Json;
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
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    /// <summary>The files are read by people and tools, not embedded in HTML: write "+" and "é", not escapes.</summary>
    public static StateJsonContext Files => FilesContext.Instance;

    private static class FilesContext
    {
        public static readonly StateJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
