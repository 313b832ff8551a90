using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>The explicit dependencies of <c>declarative.dev/depends-on</c>, a comma-separated list of
/// <see cref="DependsOnEntry"/>; empty entries (a trailing comma) are skipped.</summary>
internal static class DependsOnAnnotation
{
    private static readonly string Pointer = JsonPointer.Append("/metadata/annotations", WellKnown.DependsOnAnnotation);

    public static IEnumerable<DependencyCandidate> Collect(Resource resource, ResourceIndex index, DiagnosticBag diagnostics)
    {
        var node = JsonPointer.Get(resource.Content, Pointer);
        if (node is null)
        {
            return [];
        }

        var location = resource.Source.Locate(Pointer);
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            diagnostics.Add(NotAString(location));
            return [];
        }

        var candidates = new List<DependencyCandidate>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ToCandidate(resource, item, location, index, diagnostics) is { } candidate)
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private static DependencyCandidate? ToCandidate(Resource resource, string item, SourceLocation location, ResourceIndex index, DiagnosticBag diagnostics)
    {
        if (DependsOnEntry.Parse(item) is not { } entry)
        {
            diagnostics.Add(InvalidEntry(item, location));
            return null;
        }

        var groups = entry.Group is null ? index.GroupsOf(entry.Kind) : [];
        if (groups.Count > 1)
        {
            diagnostics.Add(Ambiguous(entry, groups, location));
            return null;
        }

        return new DependencyCandidate(
            resource,
            new ReferenceTarget(entry.Group, entry.Kind, entry.Namespace, entry.Name, entry.Module),
            $"{WellKnown.DependsOnAnnotation} names {entry.Text}",
            DependencyKind.Explicit,
            location);
    }

    private static Diagnostic NotAString(SourceLocation location) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidDependsOn,
            "Invalid depends-on annotation",
            location,
            $"The annotation {WellKnown.DependsOnAnnotation} must be a string.",
            "Write it as a quoted, comma-separated list such as \"Job/db-migrate, Deployment.apps/web\".");

    private static Diagnostic InvalidEntry(string item, SourceLocation location) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidDependsOn,
            "Invalid depends-on entry",
            location,
            $"\"{item}\" in {WellKnown.DependsOnAnnotation} is not of the form [module.NAME/]Kind[.group]/[namespace/]name.",
            "Write entries such as Job/db-migrate, Deployment.apps/web or Secret/other-ns/creds, separated by commas.");

    private static Diagnostic Ambiguous(DependsOnEntry entry, IReadOnlyList<string> groups, SourceLocation location)
    {
        var spelled = groups.Select(g => g.Length == 0 ? $"{entry.Kind}.v1" : $"{entry.Kind}.{g}").ToList();
        var rest = entry.Text[entry.Kind.Length..];
        return Diagnostic.Error(
            DiagnosticCodes.AmbiguousReference,
            "Ambiguous kind in depends-on",
            location,
            $"{entry.Text} in {WellKnown.DependsOnAnnotation} names the kind {entry.Kind}, which the project has in more than one group: {string.Join(", ", spelled)}.",
            $"Write the kind as Kind.group, for example {spelled[0]}{rest}.");
    }
}
