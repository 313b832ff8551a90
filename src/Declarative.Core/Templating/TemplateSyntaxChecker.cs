using Declarative.Core.Diagnostics;

namespace Declarative.Core.Templating;

/// <summary>
/// Checks what Handlebars.Net would reject or report without a location: block nesting, the argument count of the
/// built-in block helpers, and unknown helpers. Every problem is DCL110 at the mustache at fault.
/// </summary>
internal static class TemplateSyntaxChecker
{
    private static readonly string[] SingleArgumentBlocks = ["if", "unless", "with", "each"];

    public static IEnumerable<Diagnostic> Check(IReadOnlyList<TemplateTag> tags, SourceText source)
    {
        var open = new Stack<TemplateTag>();
        var finalElses = new HashSet<int>();
        foreach (var tag in tags)
        {
            var problem = tag.Kind switch
            {
                TagKind.BlockOpen => CheckOpen(tag, open),
                TagKind.BlockClose => CheckClose(tag, open, source),
                TagKind.Else => CheckElse(tag, open, finalElses),
                TagKind.Printed => CheckPrinted(tag),
                _ => null,
            };
            if (problem is not null)
            {
                yield return SyntaxError(source, tag.Start, problem);
            }
        }

        foreach (var tag in open)
        {
            yield return SyntaxError(source, tag.Start, $"The block `{{{{#{tag.Name}}}}}` is never closed with `{{{{/{tag.Name}}}}}`.");
        }
    }

    public static Diagnostic SyntaxError(SourceText source, int offset, string problem) =>
        Diagnostic.Error(
            DiagnosticCodes.TemplateSyntax,
            "Template syntax error",
            source.Locate(offset),
            problem,
            "Fix the template expression; write `\\{{` where a literal `{{` is meant.");

    private static string? CheckOpen(TemplateTag tag, Stack<TemplateTag> open)
    {
        open.Push(tag);
        if (tag.Name.Length == 0)
        {
            return "A block tag needs a helper name, as in `{{#if values.enabled}}`.";
        }

        if (SingleArgumentBlocks.Contains(tag.Name, StringComparer.Ordinal) && tag.Arguments.Length != 1)
        {
            return $"`{{{{#{tag.Name}}}}}` takes exactly one argument but got {tag.Arguments.Length}.";
        }

        return tag.Arguments.Length > 0 && !SingleArgumentBlocks.Contains(tag.Name, StringComparer.Ordinal)
            ? $"`{tag.Name}` is not a block helper; the block helpers are if, unless, with and each."
            : null;
    }

    private static string? CheckClose(TemplateTag tag, Stack<TemplateTag> open, SourceText source)
    {
        if (open.Count == 0)
        {
            return $"`{{{{/{tag.Expression}}}}}` closes a block that was never opened.";
        }

        var opener = open.Pop();
        return opener.Name == tag.Expression
            ? null
            : $"`{{{{/{tag.Expression}}}}}` closes the block `{{{{#{opener.Name}}}}}` opened on line {source.LineOf(opener.Start)}.";
    }

    /// <summary>A block may chain <c>{{else if ...}}</c> tags, but a plain <c>{{else}}</c> must be its last.</summary>
    private static string? CheckElse(TemplateTag tag, Stack<TemplateTag> open, HashSet<int> finalElses)
    {
        if (open.Count == 0)
        {
            return "`{{else}}` appears outside any block.";
        }

        if (finalElses.Contains(open.Peek().Id))
        {
            return $"The block `{{{{#{open.Peek().Name}}}}}` already has an `{{{{else}}}}`; nothing can follow it but `{{{{/{open.Peek().Name}}}}}`.";
        }

        if (tag.Expression is "else" or "^")
        {
            finalElses.Add(open.Peek().Id);
        }

        return null;
    }

    private static string? CheckPrinted(TemplateTag tag)
    {
        if (tag.Words.IsEmpty)
        {
            return "The expression `{{}}` is empty.";
        }

        var isCall = tag.Words.Length > 1;
        return isCall && !TemplateHelpers.IsKnown(tag.Name)
            ? $"`{tag.Name}` is not a template helper; the helpers are {string.Join(", ", TemplateHelpers.Names)}."
            : null;
    }
}
