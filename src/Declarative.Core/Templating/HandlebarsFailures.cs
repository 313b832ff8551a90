using Declarative.Core.Diagnostics;
using HandlebarsDotNet;

namespace Declarative.Core.Templating;

/// <summary>
/// Locates what Handlebars.Net itself rejects. Its exceptions carry no usable position, so a compile error is
/// pinned on the first mustache that fails to compile on its own, and a runtime error on the expression (or line)
/// the output had reached.
/// </summary>
internal static class HandlebarsFailures
{
    public static Diagnostic CompileError(Exception error, IHandlebars handlebars, SourceText source, IReadOnlyList<TemplateTag> tags)
    {
        var culprit = tags.FirstOrDefault(tag => FailsAlone(handlebars, source.Text, tag));
        return TemplateSyntaxChecker.SyntaxError(source, culprit?.Start ?? 0, Describe(error));
    }

    public static Diagnostic RuntimeError(Exception error, RenderedOutput partial, SourceText source, IReadOnlyList<TemplateTag> tags)
    {
        var location = partial.OpenTagId is { } id ? source.Locate(tags[id].Start) : source.LocateLine(partial.LastSourceLine);
        return Diagnostic.Error(
            DiagnosticCodes.TemplateSyntax,
            "Template could not be rendered",
            location,
            Describe(error),
            "Fix the template expression at this location.");
    }

    private static bool FailsAlone(IHandlebars handlebars, string text, TemplateTag tag)
    {
        if (tag.Kind is TagKind.BlockClose or TagKind.Else)
        {
            return false;
        }

        var alone = text[tag.Start..tag.End] + (tag.Kind == TagKind.BlockOpen ? $"{{{{/{tag.Name}}}}}" : string.Empty);
        try
        {
            handlebars.Compile(alone);
            return false;
        }
        catch (Exception error) when (error is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            return true;
        }
    }

    private static string Describe(Exception error)
    {
        var message = Markers.Strip(error.Message).Split('\n', 2)[0].Trim();
        return $"Handlebars says: {message.TrimEnd('.')}.";
    }
}
