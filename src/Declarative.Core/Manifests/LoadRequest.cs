using System.Collections.Immutable;

namespace Declarative.Core.Manifests;

/// <summary>
/// What the user asked to load: the folder (DIR), the environment, and the value layers given on the command
/// line in order. <see cref="Set"/> and <see cref="SetString"/> are "a.b=c" strings; values files are paths
/// relative to <see cref="WorkingDirectory"/>.
/// </summary>
public sealed record LoadRequest(
    string Directory,
    string WorkingDirectory,
    string? Environment,
    ImmutableArray<string> ValuesFiles,
    ImmutableArray<ValueOverride> Overrides,
    string? ProjectName = null);

/// <summary>One --set (parsed as a YAML scalar) or --set-string (kept as a string), in command-line order.</summary>
public sealed record ValueOverride(string Assignment, bool AsString);
