using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Typed, located access to a document of our own formats (declarative.yaml, module.yaml): every wrong shape
/// becomes a diagnostic at the offending node. <paramref name="fileName"/> names the file in messages.</summary>
internal sealed class NodeReader(DocumentSource source, string fileName = "the project file")
{
    private readonly DiagnosticBag _diagnostics = new();

    public DocumentSource Source => source;

    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.ToImmutable();

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void CheckFields(JsonObject? node, string pointer, string[] known)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (key, _) in node)
        {
            if (!known.Contains(key))
            {
                var at = JsonPointer.Append(pointer, key);
                _diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.InvalidProjectDocument,
                    $"Unknown field \"{key}\" in {fileName}",
                    source.LocateKey(at),
                    $"{Display(pointer)} accepts: {string.Join(", ", known)}.",
                    "Remove the field or fix its spelling."));
            }
        }
    }

    public void RequireString(JsonObject root, string pointer, string expected)
    {
        var actual = String(root, pointer, required: true);
        if (actual is not null && actual != expected)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidProjectDocument, $"{Display(pointer)} must be \"{expected}\"", source.Locate(pointer), $"Found \"{actual}\".", $"Set {Display(pointer)}: {expected}."));
        }
    }

    public string? String(JsonObject root, string pointer, bool required = false)
    {
        var node = JsonPointer.Get(root, pointer);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidProjectDocument, $"Missing {Display(pointer)} in {fileName}", source.Locate(pointer), $"{Capitalized(fileName)} needs {Display(pointer)}.", $"Add {Display(pointer)}."));
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        WrongType(pointer, "a string", node);
        return null;
    }

    public JsonObject? Object(JsonObject root, string pointer)
    {
        var node = JsonPointer.Get(root, pointer);
        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }

        WrongType(pointer, "a map", node);
        return null;
    }

    public ImmutableArray<string>? StringList(JsonObject root, string pointer)
    {
        var node = JsonPointer.Get(root, pointer);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            WrongType(pointer, "a list of strings", node);
            return null;
        }

        var items = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = String(root, JsonPointer.Append(pointer, i), required: true);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    private void WrongType(string pointer, string expected, JsonNode node) =>
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, $"{Display(pointer)} must be {expected}", source.Locate(pointer), $"Found {JsonText.Describe(node)}.", $"Write {Display(pointer)} as {expected}."));


    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Display(string pointer) =>
        pointer.Length == 0 ? "the document" : string.Join(".", JsonPointer.Segments(pointer));
}
