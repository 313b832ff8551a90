using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// The entries of a mapping as JSON sees them: keys as strings, merge keys (<c>&lt;&lt;</c>) expanded,
/// duplicates reported. A key written in the mapping wins over a merged one wherever it stands; among merged
/// mappings the earlier one wins. Merged entries take the place of their <c>&lt;&lt;</c> key in the order.
/// </summary>
internal sealed class MappingFlattener(ScalarReader scalars, PositionMapper mapper, DiagnosticBag diagnostics)
{
    private readonly Dictionary<SourceMapping, IReadOnlyList<FlatEntry>> _flattened = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourcePosition> _reportedDuplicates = [];

    public IReadOnlyList<FlatEntry> Flatten(SourceMapping mapping)
    {
        if (!_flattened.TryGetValue(mapping, out var entries))
        {
            entries = Compute(mapping);
            _flattened[mapping] = entries;
        }

        return entries;
    }

    private List<FlatEntry> Compute(SourceMapping mapping)
    {
        var written = new Dictionary<string, FlatEntry>(StringComparer.Ordinal);
        var order = new List<(string? WrittenKey, List<FlatEntry> Merged)>();
        foreach (var entry in mapping.Entries)
        {
            if (SourceAlias.Unwrap(entry.Key) is SourceScalar { IsMergeKey: true })
            {
                order.Add((null, Merged(entry.Value)));
                continue;
            }

            if (KeyText(entry.Key) is not { } key)
            {
                continue;
            }

            if (written.TryGetValue(key, out var first))
            {
                ReportDuplicate(key, first, entry);
            }
            else
            {
                order.Add((key, []));
            }

            written[key] = new FlatEntry(key, entry.Key, entry.Value);
        }

        return Assemble(order, written);
    }

    private static List<FlatEntry> Assemble(List<(string? WrittenKey, List<FlatEntry> Merged)> order, Dictionary<string, FlatEntry> written)
    {
        var result = new List<FlatEntry>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (writtenKey, merged) in order)
        {
            var candidates = writtenKey is null ? merged : [written[writtenKey]];
            foreach (var candidate in candidates)
            {
                var wins = writtenKey is not null || !written.ContainsKey(candidate.Key);
                if (wins && taken.Add(candidate.Key))
                {
                    result.Add(candidate);
                }
            }
        }

        return result;
    }

    private List<FlatEntry> Merged(SourceNode value)
    {
        var target = SourceAlias.Unwrap(value);
        var sources = target switch
        {
            SourceMapping single => [single],
            SourceSequence list when list.Items.All(i => SourceAlias.Unwrap(i) is SourceMapping) =>
                list.Items.Select(i => (SourceMapping)SourceAlias.Unwrap(i)).ToList(),
            _ => null,
        };
        if (sources is null)
        {
            diagnostics.Add(YamlDiagnostics.BadMerge(mapper.Locate(value.Start)));
            return [];
        }

        return [.. sources.SelectMany(Flatten)];
    }

    private string? KeyText(SourceNode key)
    {
        if (SourceAlias.Unwrap(key) is not SourceScalar scalar)
        {
            diagnostics.Add(YamlDiagnostics.ComplexKey(mapper.Locate(key.Start)));
            return null;
        }

        var resolved = scalars.Resolve(scalar);
        var text = KeyFormatter.Format(resolved);
        if (text is null)
        {
            diagnostics.Add(YamlDiagnostics.NullKey(mapper.Locate(key.Start)));
        }

        return text;
    }

    private void ReportDuplicate(string key, FlatEntry first, SourceEntry second)
    {
        if (_reportedDuplicates.Add(second.Key.Start))
        {
            diagnostics.Add(YamlDiagnostics.DuplicateKey(key, mapper.Locate(second.Key.Start), mapper.Describe(first.KeyNode.Start)));
        }
    }
}
