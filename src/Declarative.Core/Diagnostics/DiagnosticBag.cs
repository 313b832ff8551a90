using System.Collections.Immutable;

namespace Declarative.Core.Diagnostics;

/// <summary>Collects diagnostics during one stage. Not thread-safe: one bag per stage run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
