using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Graph;

/// <summary>
/// Builds rendered documents from JSON text with the position of every key and value taken from that text
/// (1-based line and column), so a test can assert exact diagnostic locations against the raw string it wrote.
/// </summary>
internal static class GraphDocuments
{
    public static RenderedDocument Parse(string json, string file = "/p/app.yaml", int index = 0)
    {
        var content = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not an object.", nameof(json));
        var values = ImmutableDictionary.CreateBuilder<string, SourcePosition>();
        var keys = ImmutableDictionary.CreateBuilder<string, SourcePosition>();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var containers = new Stack<Container>();
        var property = string.Empty;
        while (reader.Read())
        {
            var position = PositionOf(bytes, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = JsonPointer.Append(containers.Peek().Pointer, reader.GetString() ?? string.Empty);
                    keys[property] = position;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var pointer = NextPointer(containers, property);
                    values[pointer] = position;
                    containers.Push(new Container(pointer, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                default:
                    values[NextPointer(containers, property)] = position;
                    break;
            }
        }

        return new RenderedDocument(content, new DocumentSource(file, index, new SourcePosition(1, 1), values.ToImmutable(), keys.ToImmutable()));
    }

    public static ImmutableArray<RenderedDocument> ParseAll(params string[] jsons) =>
        [.. jsons.Select((json, i) => Parse(json, $"/p/doc{i}.yaml"))];

    private static string NextPointer(Stack<Container> containers, string property)
    {
        if (containers.Count == 0)
        {
            return string.Empty;
        }

        var top = containers.Peek();
        return top.IsArray ? JsonPointer.Append(top.Pointer, top.NextIndex++) : property;
    }

    private static SourcePosition PositionOf(byte[] text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1);
    }

    private sealed class Container(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
