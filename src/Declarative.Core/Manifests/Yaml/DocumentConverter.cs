using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>Turns one document's <see cref="SourceNode"/> tree into JSON nodes and records every position.</summary>
internal sealed class DocumentConverter
{
    public const int MaxNodes = 250_000;

    private readonly PositionMapper _mapper;
    private readonly DiagnosticBag _diagnostics;
    private readonly ScalarReader _scalars;
    private readonly MappingFlattener _flattener;
    private readonly Dictionary<string, SourcePosition> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);
    private int _nodes;
    private bool _limitReported;

    public DocumentConverter(PositionMapper mapper, DiagnosticBag diagnostics)
    {
        _mapper = mapper;
        _diagnostics = diagnostics;
        _scalars = new ScalarReader(mapper, diagnostics);
        _flattener = new MappingFlattener(_scalars, mapper, diagnostics);
    }

    public ParsedDocument Convert(SourceNode root, int index)
    {
        var json = Convert(root, string.Empty, 0);
        var source = new DocumentSource(_mapper.File, index, _mapper.Map(root.Start), _values.ToImmutableDictionary(StringComparer.Ordinal), _keys.ToImmutableDictionary(StringComparer.Ordinal));
        return new ParsedDocument(json, source);
    }

    private JsonNode? Convert(SourceNode node, string pointer, int depth)
    {
        _values[pointer] = _mapper.Map(node.Start);
        if (!WithinLimits(node, depth))
        {
            return null;
        }

        return SourceAlias.Unwrap(node) switch
        {
            SourceScalar scalar => ConvertScalar(scalar),
            SourceSequence sequence => ConvertSequence(sequence, pointer, depth),
            SourceMapping mapping => ConvertMapping(mapping, pointer, depth),
            _ => null,
        };
    }

    private bool WithinLimits(SourceNode node, int depth)
    {
        var problem = ++_nodes > MaxNodes ? YamlDiagnostics.TooLarge(MaxNodes, _mapper.Locate(node.Start))
            : depth > YamlTreeReader.MaxDepth ? YamlDiagnostics.TooDeep(YamlTreeReader.MaxDepth, _mapper.Locate(node.Start))
            : null;
        if (problem is not null && !_limitReported)
        {
            _limitReported = true;
            _diagnostics.Add(problem);
        }

        return problem is null;
    }

    private JsonArray ConvertSequence(SourceSequence sequence, string pointer, int depth)
    {
        var array = new JsonArray();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            array.Add(Convert(sequence.Items[i], JsonPointer.Append(pointer, i), depth + 1));
        }

        return array;
    }

    private JsonObject ConvertMapping(SourceMapping mapping, string pointer, int depth)
    {
        var obj = new JsonObject();
        foreach (var entry in _flattener.Flatten(mapping))
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            _keys[entryPointer] = _mapper.Map(entry.KeyNode.Start);
            obj[entry.Key] = Convert(entry.Value, entryPointer, depth + 1);
        }

        return obj;
    }

    private JsonNode? ConvertScalar(SourceScalar scalar)
    {
        var resolved = _scalars.Resolve(scalar);
        if (resolved.IsNonFinite)
        {
            _scalars.Report(scalar.Start, YamlDiagnostics.NonFinite(scalar.Value, _mapper.Locate(scalar.Start)));
            return JsonValue.Create(scalar.Value);
        }

        return resolved.Value switch
        {
            null => null,
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            ulong u => JsonValue.Create(u),
            double d => FloatValue(d),
            string s => JsonValue.Create(s),
            _ => JsonValue.Create(resolved.Text),
        };
    }

    /// <summary>sigs.k8s.io/yaml writes a whole float as an integer (1.0 and 1e3 become 1 and 1000).</summary>
    private static JsonValue FloatValue(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 9.2e18 ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
