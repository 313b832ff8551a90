using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// Builds <see cref="SourceNode"/> trees from YamlDotNet parser events, one document at a time, resolving
/// aliases (anchors are per document). Parser syntax errors surface as <see cref="YamlException"/>; the errors
/// found here that stop the file are in <see cref="Fatal"/>.
/// </summary>
internal sealed class YamlTreeReader(IParser parser, SourceText text, PositionMapper mapper, DiagnosticBag diagnostics)
{
    public const int MaxDepth = 1000;

    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private int _flowDepth;

    /// <summary>Where the last node read starts, to place errors the parser reports without a position.</summary>
    public SourcePosition LastPosition { get; private set; } = new(1, 1);

    /// <summary>Set when an error stops the reading of the file (tab indentation, too deep).</summary>
    public Diagnostic? Fatal { get; private set; }

    /// <summary>Reads the next document. False at the end of the stream or after a fatal error.</summary>
    public bool TryReadDocument(out SourceNode? root)
    {
        root = null;
        while (Fatal is null && parser.MoveNext())
        {
            if (parser.Current is DocumentStart)
            {
                _anchors.Clear();
                parser.MoveNext();
                if (parser.Current is DocumentEnd)
                {
                    return true;
                }

                root = ReadNode(0);
                parser.MoveNext();
                return Fatal is null;
            }
        }

        return false;
    }

    private SourceNode? ReadNode(int depth)
    {
        var current = parser.Current ?? throw new InvalidOperationException("The YAML parser ended inside a document.");
        var start = new SourcePosition((int)current.Start.Line, (int)current.Start.Column);
        LastPosition = start;
        if (depth > MaxDepth)
        {
            Fatal = YamlDiagnostics.TooDeep(MaxDepth, mapper.Locate(start));
            return null;
        }

        if (_flowDepth == 0 && text.TabInIndentation(start) is { } tab)
        {
            Fatal = YamlDiagnostics.TabIndentation(mapper.Locate(tab));
            return null;
        }

        return current switch
        {
            AnchorAlias alias => ReadAlias(alias, start),
            Scalar scalar => Remember(scalar, ReadScalar(scalar, start)),
            SequenceStart sequence => Remember(sequence, ReadSequence(sequence, start, depth)),
            MappingStart mapping => Remember(mapping, ReadMapping(mapping, start, depth)),
            _ => throw new InvalidOperationException($"Unexpected YAML event {current.GetType().Name}."),
        };
    }

    private SourceNode ReadAlias(AnchorAlias alias, SourcePosition start)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            return new SourceAlias(target, start);
        }

        diagnostics.Add(YamlDiagnostics.UnknownAlias(alias.Value.Value, mapper.Locate(start)));
        return new SourceScalar(string.Empty, true, null, start);
    }

    private static SourceScalar ReadScalar(Scalar scalar, SourcePosition start) =>
        new(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, scalar.Tag.IsEmpty ? null : scalar.Tag.Value, start);

    private SourceSequence ReadSequence(SequenceStart sequence, SourcePosition start, int depth)
    {
        var flow = sequence.Style == SequenceStyle.Flow;
        _flowDepth += flow ? 1 : 0;
        var items = ImmutableArray.CreateBuilder<SourceNode>();
        while (Fatal is null && parser.MoveNext() && parser.Current is not SequenceEnd)
        {
            if (ReadNode(depth + 1) is { } item)
            {
                items.Add(item);
            }
        }

        _flowDepth -= flow ? 1 : 0;
        return new SourceSequence(items.ToImmutable(), start);
    }

    private SourceMapping ReadMapping(MappingStart mapping, SourcePosition start, int depth)
    {
        var flow = mapping.Style == MappingStyle.Flow;
        _flowDepth += flow ? 1 : 0;
        var entries = ImmutableArray.CreateBuilder<SourceEntry>();
        while (Fatal is null && parser.MoveNext() && parser.Current is not MappingEnd)
        {
            var key = ReadNode(depth + 1);
            parser.MoveNext();
            var value = Fatal is null ? ReadNode(depth + 1) : null;
            if (key is not null && value is not null)
            {
                entries.Add(new SourceEntry(key, value));
            }
        }

        _flowDepth -= flow ? 1 : 0;
        return new SourceMapping(entries.ToImmutable(), start);
    }

    private SourceNode Remember(NodeEvent node, SourceNode built)
    {
        if (!node.Anchor.IsEmpty)
        {
            _anchors[node.Anchor.Value] = built;
        }

        return built;
    }
}
