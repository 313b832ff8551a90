using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>
/// Scriban templating as DESIGN "Values and templating" says (docs/decisions/templating-engine.md): strict (a
/// printed undefined value is an error naming the file, line, column and missing path, every one in a run), a
/// locked-down context (read-only values, our functions and a reviewed part of the string and math built-ins, no
/// time, eval, include or I/O), limits that throw instead of cutting the output, <c>\{{</c> for a literal
/// <c>{{</c>, and a line map back to the file. Thread-safe and stateless; one instance per run.
/// </summary>
public sealed class TemplateRenderer
{
    /// <param name="text">The file's text.</param>
    /// <param name="file">Full path, for diagnostics.</param>
    /// <param name="context">What the template sees.</param>
    /// <param name="cancellationToken">Stops a long render (checked at every statement and loop step).</param>
    public StageResult<RenderedTemplate> Render(string text, string file, TemplateContext context, CancellationToken cancellationToken = default)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.Contains("{{", StringComparison.Ordinal) && !normalized.Contains("{%{", StringComparison.Ordinal))
        {
            // Nothing to template: the file is its own output, line for line.
            var lines = normalized.Count(c => c == '\n') + 1;
            return new StageResult<RenderedTemplate>(new RenderedTemplate(normalized, line => Math.Clamp(line, 1, lines)), []);
        }

        var (parsed, offsets) = LiteralBraces.Rewrite(normalized);
        var scan = CodeBlockScanner.Scan(parsed);
        var locator = new TemplateLocator(new SourceText(normalized, file), parsed, offsets, scan.Starts);
        if (scan.UnclosedAt is { } unclosed)
        {
            // Scriban reads an unclosed {{ at the very end as code up to the end of the file, without an error.
            return Failed([TemplateDiagnostics.Unclosed(locator, unclosed, scan.UnclosedToken!)]);
        }

        var template = Template.Parse(parsed, file, ParserOptions.Default, LexerOptions.Default);
        if (template.HasErrors)
        {
            return Failed(ParseErrors(template, locator, scan));
        }

        return Execute(template, parsed, locator, context, cancellationToken);
    }

    private static StageResult<RenderedTemplate> Execute(
        Template template, string parsed, TemplateLocator locator, TemplateContext values, CancellationToken cancellationToken)
    {
        var output = new MappedOutput(parsed, locator);
        var problems = new TemplateProblems(locator);
        var context = new StrictTemplateContext(output, problems, values, cancellationToken);
        try
        {
            template.Render(context);
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptRuntimeException error) when (error.InnerException is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptRuntimeException error)
        {
            problems.Add(TemplateDiagnostics.RenderError(locator, error));
        }

        var lines = output.LineMap;
        return new StageResult<RenderedTemplate>(
            new RenderedTemplate(output.ToString(), line => lines.IsEmpty ? 1 : lines[Math.Clamp(line, 1, lines.Length) - 1]),
            problems.ToImmutable());
    }

    /// <summary>Scriban's parse errors, except that a block statement without its <c>end</c> is located at the
    /// statement (Scriban points at the end of the file).</summary>
    private static ImmutableArray<Diagnostic> ParseErrors(Template template, TemplateLocator locator, CodeBlockScan scan)
    {
        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
        var unclosed = errors.FindIndex(m => m.Message.Contains("<end> statement was not found", StringComparison.Ordinal));
        if (unclosed >= 0 && !scan.UnclosedStatements.IsEmpty)
        {
            var (offset, keyword) = scan.UnclosedStatements[^1];
            return [TemplateDiagnostics.UnclosedStatement(locator, offset, keyword)];
        }

        return [.. errors.Select(m => TemplateDiagnostics.ParseError(locator, m))
            .DistinctBy(d => d.Location)
            .OrderBy(d => d.Location?.Line)
            .ThenBy(d => d.Location?.Column)];
    }

    private static StageResult<RenderedTemplate> Failed(ImmutableArray<Diagnostic> diagnostics) =>
        new(new RenderedTemplate(string.Empty, line => line), diagnostics);
}
