using System.Text.RegularExpressions;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Templating;

/// <summary>Turns what the rendered output reported (undefined values, helper failures) into located diagnostics,
/// one per expression and problem even when a loop prints the expression many times.</summary>
internal static partial class TemplateDiagnostics
{
    public static IEnumerable<Diagnostic> FromProblems(IEnumerable<OutputProblem> problems, IReadOnlyList<TemplateTag> tags, SourceText source) =>
        problems
            .DistinctBy(p => (p.TagId ?? -p.SourceLine, p.Kind, p.Payload))
            .Select(p => ToDiagnostic(p, p.TagId is { } id ? tags[id] : null, source))
            .OrderBy(d => d.Location?.Line)
            .ThenBy(d => d.Location?.Column);

    private static Diagnostic ToDiagnostic(OutputProblem problem, TemplateTag? tag, SourceText source)
    {
        var location = tag is null ? source.LocateLine(problem.SourceLine) : source.Locate(tag.Start);
        return problem.Kind == Markers.UndefinedKind
            ? Undefined(MissingPath(tag, problem.Payload), tag, location)
            : Failure(problem.Payload.Split(Markers.FieldSeparator), tag, location);
    }

    private static Diagnostic Undefined(string path, TemplateTag? tag, SourceLocation location)
    {
        var printed = tag is null ? $"`{path}`" : $"`{{{{{tag.Expression}}}}}`";
        var fix = path.StartsWith("values.", StringComparison.Ordinal)
            ? $"Define `{path}` in values.yaml, in the environment's values file or with --set, or give a fallback with `{{{{default {path} \"...\"}}}}`."
            : $"Check the spelling of `{path}`; a template sees values, env.name, project.name, module.name and the parameters of its blocks.";
        return Diagnostic.Error(
            DiagnosticCodes.UndefinedValue,
            "Undefined template value",
            location,
            $"`{path}` is not defined, so {printed} has nothing to print.",
            fix);
    }

    private static Diagnostic Failure(string[] fields, TemplateTag? tag, SourceLocation location)
    {
        var (code, message, instruction) = (fields[0], fields.ElementAtOrDefault(1) ?? string.Empty, fields.ElementAtOrDefault(2) ?? string.Empty);
        if (code == DiagnosticCodes.RequiredValueMissing)
        {
            var path = tag is null ? null : RequiredArgument().Match(tag.Expression) is { Success: true } m ? m.Groups[1].Value : null;
            var state = path is null ? "The value is undefined, null or empty." : $"`{path}` is undefined, null or empty.";
            return Diagnostic.Error(code, "Required value is missing", location, message, state, instruction);
        }

        return Diagnostic.Error(code, "Template helper failed", location, message, instruction);
    }

    /// <summary>The path in the expression that holds the missing segment, up to that segment.</summary>
    private static string MissingPath(TemplateTag? tag, string segment)
    {
        if (tag is null)
        {
            return segment;
        }

        foreach (var path in ExpressionWords.Paths(tag.Expression))
        {
            var segments = path.Split('.', '/');
            var index = Array.FindIndex(segments, s => s.Trim('[', ']') == segment);
            if (index >= 0)
            {
                return string.Join('.', segments[..(index + 1)]);
            }
        }

        return tag.Expression;
    }

    [GeneratedRegex(@"\brequired\s+([^\s()]+)")]
    private static partial Regex RequiredArgument();
}
