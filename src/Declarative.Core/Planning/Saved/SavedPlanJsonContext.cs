using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Declarative.Core.Planning.Saved;

/// <summary>Source-generated serialization of saved plan files: camelCase, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SavedPlanFileV1))]
internal sealed partial class SavedPlanJsonContext : JsonSerializerContext
{
    /// <summary>Read by people too: write "+" and "é", not escapes.</summary>
    public static SavedPlanJsonContext Files => FilesContext.Instance;

    private static class FilesContext
    {
        public static readonly SavedPlanJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
