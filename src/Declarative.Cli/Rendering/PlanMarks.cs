using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering;

/// <summary>What a change says about its paths: sensitive (the change's and the desired object's paths), known
/// only after apply, drifted, taken over from another manager.</summary>
internal sealed class PlanMarks(ResourceChange change)
{
    private readonly ImmutableArray<string> sensitive =
        [.. OrEmpty(change.SensitivePaths).Concat(OrEmpty(change.Change.Desired?.SensitivePaths ?? [])).Distinct(StringComparer.Ordinal)];

    private readonly ImmutableArray<string> unknown = OrEmpty(change.Change.UnknownPaths);
    private readonly ImmutableArray<string> drift = OrEmpty(change.Change.DriftPaths);
    private readonly ImmutableArray<TakenField> taken = OrEmpty(change.Change.TakenOver);

    public bool IsSensitive(string path) => sensitive.Any(p => FieldPath.IsUnder(path, p));

    /// <summary>Whether a sensitive path lies inside the value at <paramref name="path"/>.</summary>
    public bool HoldsSensitive(string path) => sensitive.Any(p => FieldPath.IsUnder(p, path));

    public bool IsUnknown(string path) => unknown.Contains(path, StringComparer.Ordinal);

    public PlanLine Line(FieldDiffKind kind, string path, JsonNode? before, JsonNode? after, bool masked, bool isUnknown) =>
        new(
            kind,
            path,
            masked ? null : before,
            masked || isUnknown ? null : after,
            masked,
            isUnknown,
            drift.Any(d => Related(path, d)),
            taken.FirstOrDefault(t => Related(path, t.Path))?.Manager);

    private static bool Related(string path, string other) => FieldPath.IsUnder(path, other) || FieldPath.IsUnder(other, path);

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
