using Declarative.Core.Diagnostics;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>The wording of templating's diagnostics: what is wrong, where, and what to do.</summary>
internal static class TemplateDiagnostics
{
    private const string SyntaxFix = "Fix the template expression; write `\\{{` where a literal `{{` is meant.";

    public static Diagnostic Undefined(string path, string statement, bool isPrinted, SourceLocation location)
    {
        var effect = isPrinted ? "has nothing to print" : "cannot use it";
        var fix = path.StartsWith("values.", StringComparison.Ordinal) || path.StartsWith("values[", StringComparison.Ordinal)
            ? $"Define `{path}` in values.yaml, in the environment's values file or with --set, or give a fallback, as in `{{{{ {path} ?? \"...\" }}}}` or `{{{{ {path} | default \"...\" }}}}`."
            : DisabledBuiltins.Explain(path)
              ?? $"Check the spelling of `{path}`; a template sees values, env.name, project.name, module.name, its own variables and the functions {TemplateFunctions.Describe()}.";
        return Diagnostic.Error(
            DiagnosticCodes.UndefinedValue,
            "Undefined template value",
            location,
            $"`{path}` is not defined, so `{{{{ {statement} }}}}` {effect}.",
            fix);
    }

    public static Diagnostic SyntaxError(SourceLocation location, string problem) =>
        Diagnostic.Error(DiagnosticCodes.TemplateSyntax, "Template syntax error", location, problem, SyntaxFix);

    public static Diagnostic ParseError(TemplateLocator locator, LogMessage message) =>
        SyntaxError(locator.Locate(message.Span.Start.Offset), Sentence(message.Message));

    public static Diagnostic Unclosed(TemplateLocator locator, int offset, string token) =>
        SyntaxError(locator.Locate(offset), token == "{{"
            ? "This `{{` is never closed with `}}`."
            : $"This `{token}` is never closed with `}}%}}`.");

    public static Diagnostic UnclosedStatement(TemplateLocator locator, int offset, string keyword) =>
        SyntaxError(locator.Locate(offset), $"This `{keyword}` is never closed with `{{{{ end }}}}`.");

    public static Diagnostic RenderError(TemplateLocator locator, ScriptRuntimeException error)
    {
        if (error is TemplateRuleException rule)
        {
            return Diagnostic.Error(DiagnosticCodes.TemplateSyntax, rule.Summary, locator.Locate(rule.Span.Start.Offset), rule.Problem, rule.Fix);
        }

        var (problem, fix) = Explain(error.OriginalMessage);
        return Diagnostic.Error(
            DiagnosticCodes.TemplateSyntax,
            "Template could not be rendered",
            locator.Locate(error.Span.Start.Offset),
            problem,
            fix);
    }

    /// <summary>Scriban's limit errors in our words; anything else as Scriban says it.</summary>
    private static (string Problem, string Fix) Explain(string message)
    {
        if (message.StartsWith("Exceeding number of iteration limit", StringComparison.Ordinal))
        {
            return (
                $"The loops of this file ran more than {StrictTemplateContext.LoopIterationLimit:N0} times in all (nested loops count together), so rendering stopped here.",
                "Check the loop's list and its end condition; split a very large file into several.");
        }

        if (message.StartsWith("Exceeding number of recursive depth limit", StringComparison.Ordinal) || message.Contains("near to stack overflow", StringComparison.Ordinal))
        {
            return (
                $"Functions of this template call each other more than {StrictTemplateContext.CallDepthLimit} deep, so rendering stopped here.",
                "Give the recursive function an end condition.");
        }

        if (message.StartsWith("Rendered output exceeds", StringComparison.Ordinal))
        {
            return (
                $"The rendered file would be longer than {StrictTemplateContext.TextLimit:N0} characters, so rendering stopped here rather than cut it.",
                "Check loops that print more than intended, or split the file into several.");
        }

        if (message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return (
                $"An expression here builds text longer than {StrictTemplateContext.TextLimit:N0} characters, so rendering stopped rather than cut it.",
                "Check the expression's counts and lengths.");
        }

        return ($"Scriban says: {Sentence(message)}", "Fix the template expression at this location.");
    }

    private static string Sentence(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
