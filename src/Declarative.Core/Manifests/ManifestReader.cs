using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>
/// Reads a manifest file's text the way kubectl does: YAML (multi-document), or, when the text starts with
/// '{', a stream of concatenated JSON objects (kubectl decodes such files as JSON, which YAML alone cannot).
/// </summary>
public static class ManifestReader
{
    public static StageResult<ImmutableArray<ParsedDocument>> Read(string text, string file, Func<int, int>? lineMap = null)
    {
        var segments = JsonSegments(text);
        if (segments is null || segments.Count < 2)
        {
            return YamlDocumentReader.Read(text, file, lineMap);
        }

        var documents = ImmutableArray.CreateBuilder<ParsedDocument>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var map = lineMap ?? (line => line);
        for (var i = 0; i < segments.Count; i++)
        {
            var (segment, firstLine) = segments[i];
            var read = YamlDocumentReader.Read(segment, file, line => map(line + firstLine - 1));
            diagnostics.AddRange(read.Diagnostics);
            documents.AddRange(read.Value.Select(d => d with { Source = d.Source with { Index = i } }));
        }

        return new(documents.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>The top-level JSON values of <paramref name="text"/> with the line each starts on, or null when
    /// the text is not a JSON stream (then the YAML reader reports any syntax error).</summary>
    private static List<(string Text, int Line)>? JsonSegments(string text)
    {
        var trimmed = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        var segments = new List<(string, int)>();
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                var line = 1 + bytes.AsSpan(0, start).Count((byte)'\n');
                segments.Add((Encoding.UTF8.GetString(bytes, start, end - start), line));
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return segments;
    }
}
