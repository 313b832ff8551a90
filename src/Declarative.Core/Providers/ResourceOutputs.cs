using System.Collections.Immutable;

namespace Declarative.Core.Providers;

/// <summary>Named string outputs of an applied resource ("reference" of an Image: repo:tag@digest; "uid").</summary>
public sealed record ResourceOutputs(ImmutableSortedDictionary<string, string> Values)
{
    public static ResourceOutputs Empty { get; } = new(ImmutableSortedDictionary<string, string>.Empty);

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}
