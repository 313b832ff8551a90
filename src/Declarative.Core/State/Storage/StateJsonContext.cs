using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Declarative.Core.State.Storage;

/// <summary>Source-generated serialization of the state files: camelCase, indented, nulls left out; journal records
/// (<see cref="Lines"/>) on one line each.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StateFileV1))]
[JsonSerializable(typeof(LockFileV1))]
[JsonSerializable(typeof(JournalRecordV1))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    /// <summary>The files are read by people and tools, not embedded in HTML: write "+" and "é", not escapes.</summary>
    public static StateJsonContext Files => FilesContext.Instance;

    /// <summary>As <see cref="Files"/>, without indentation: one journal record per line (a JSON string never holds
    /// a raw newline, so a line is exactly one record).</summary>
    public static StateJsonContext Lines => LinesContext.Instance;

    private static class FilesContext
    {
        public static readonly StateJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static class LinesContext
    {
        public static readonly StateJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false });
    }
}
