using System.Collections.Immutable;

namespace Declarative.Core.Planning.Diff;

/// <summary>The path rules of one diff: which places are ignored, masked or known only after apply.</summary>
internal sealed class DiffRules(DiffOptions options)
{
    private readonly ImmutableArray<string> sensitivePaths = OrEmpty(options.SensitivePaths);
    private readonly ImmutableArray<string> ignoredPaths = OrEmpty(options.IgnoredPaths);
    private readonly ImmutableHashSet<string> unknownPointers = OrEmpty(options.UnknownPointers).ToImmutableHashSet(StringComparer.Ordinal);

    public bool IsIgnored(string path) => ignoredPaths.Any(ignored => FieldPath.IsUnder(path, ignored));

    public bool IsSensitive(string path) => sensitivePaths.Any(sensitive => FieldPath.IsUnder(path, sensitive));

    public bool IsUnknown(string pointer) => unknownPointers.Contains(pointer);

    /// <summary>
    /// Whether a whole added or removed subtree at <paramref name="at"/> must be reported child by child instead,
    /// because something strictly inside it is ignored, sensitive, or (for the desired side) unknown.
    /// </summary>
    public bool NeedsDescent(DiffCursor at, bool desiredSide) =>
        HasSensitiveInside(at.Path)
        || ignoredPaths.Any(path => IsStrictlyInside(at.Path, path))
        || (desiredSide && HasUnknownInside(at.Pointer));

    public bool HasSensitiveInside(string path) => sensitivePaths.Any(sensitive => IsStrictlyInside(path, sensitive));

    public bool HasUnknownInside(string pointer) =>
        unknownPointers.Any(unknown => unknown.StartsWith(pointer + "/", StringComparison.Ordinal));

    private static bool IsStrictlyInside(string outer, string inner) =>
        inner.Length > outer.Length && (outer.Length == 0 || FieldPath.IsUnder(inner, outer));

    private static ImmutableArray<string> OrEmpty(ImmutableArray<string> paths) => paths.IsDefault ? [] : paths;
}
