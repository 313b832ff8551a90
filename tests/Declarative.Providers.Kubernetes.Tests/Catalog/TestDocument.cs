using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

/// <summary>Builds a rendered document from JSON text, with the source positions a test gives by hand.
/// Every pointer without a position falls back to its nearest located ancestor, and finally to 1:1.</summary>
internal sealed class TestDocument(string json)
{
    public const string File = "/project/app.yaml";

    private ImmutableDictionary<string, SourcePosition> _values = ImmutableDictionary<string, SourcePosition>.Empty;
    private ImmutableDictionary<string, SourcePosition> _keys = ImmutableDictionary<string, SourcePosition>.Empty;

    public static RenderedDocument Parse(string json) => new TestDocument(json).Build();

    public TestDocument Value(string pointer, int line, int column)
    {
        _values = _values.SetItem(pointer, new SourcePosition(line, column));
        return this;
    }

    public TestDocument Key(string pointer, int line, int column)
    {
        _keys = _keys.SetItem(pointer, new SourcePosition(line, column));
        return this;
    }

    public RenderedDocument Build() =>
        new(JsonNode.Parse(json)!.AsObject(), new DocumentSource(File, 0, new SourcePosition(1, 1), _values, _keys));
}
