using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using HandlebarsDotNet;

namespace Declarative.Core.Templating;

/// <summary>
/// Handlebars.Net templating as DESIGN "Values and templating" says: strict (a printed undefined value is an
/// error naming the file, line and missing path), no HTML escaping, <c>\{{</c> for a literal <c>{{</c>, and the
/// helpers default, required, toYaml, indent, b64enc, quote, envVar. Thread-safe; one instance per run.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly IHandlebars _handlebars;

    public TemplateRenderer()
    {
        var configuration = new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = false,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        configuration.FormatterProviders.Add(new TemplateFormatterProvider());
        _handlebars = Handlebars.Create(configuration);
        TemplateHelpers.Register(_handlebars);
    }

    /// <param name="text">The file's text.</param>
    /// <param name="file">Full path, for diagnostics.</param>
    public StageResult<RenderedTemplate> Render(string text, string file, TemplateContext context)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.Contains("{{", StringComparison.Ordinal))
        {
            // Compiling a Handlebars template costs about half a millisecond even when there is nothing to do.
            var lines = normalized.Count(c => c == '\n') + 1;
            return new StageResult<RenderedTemplate>(new RenderedTemplate(normalized, line => Math.Clamp(line, 1, lines)), []);
        }

        var source = new SourceText(normalized, file);
        var scan = TemplateScanner.Scan(source.Text);
        var problems = Check(source, scan).ToImmutableArray();
        if (!problems.IsEmpty)
        {
            return Failed(problems);
        }

        HandlebarsTemplate<TextWriter, object, object> template;
        try
        {
            template = _handlebars.Compile(new StringReader(MarkedTemplateBuilder.Build(source, scan.Tags)));
        }
        catch (Exception error) when (error is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            // Handlebars.Net reports some malformed templates with plain .NET exceptions.
            return Failed([HandlebarsFailures.CompileError(error, _handlebars, source, scan.Tags)]);
        }

        return Execute(template, source, scan.Tags, context);
    }

    private static StageResult<RenderedTemplate> Execute(
        HandlebarsTemplate<TextWriter, object, object> template, SourceText source, ImmutableArray<TemplateTag> tags, TemplateContext context)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object?> { [TemplateHelpers.EnvironmentVariablesKey] = context.EnvironmentVariables };
        try
        {
            template(writer, TemplateValues.Root(context), data);
        }
        catch (Exception error) when (error is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            var partial = RenderedOutputReader.Read(writer.ToString());
            return Failed([HandlebarsFailures.RuntimeError(error, partial, source, tags)]);
        }

        var output = RenderedOutputReader.Read(writer.ToString());
        var lines = output.LineMap;
        return new StageResult<RenderedTemplate>(
            new RenderedTemplate(output.Text, line => lines.IsEmpty ? 1 : lines[Math.Clamp(line, 1, lines.Length) - 1]),
            [.. TemplateDiagnostics.FromProblems(output.Problems, tags, source)]);
    }

    private static IEnumerable<Diagnostic> Check(SourceText source, TemplateScan scan)
    {
        var control = source.Text.IndexOf(Markers.Delimiter, StringComparison.Ordinal);
        if (control >= 0)
        {
            yield return TemplateSyntaxChecker.SyntaxError(source, control, "The file contains the control character U+001F, which YAML does not allow.");
        }

        if (scan.UnclosedAt is { } unclosed)
        {
            yield return TemplateSyntaxChecker.SyntaxError(source, unclosed, "This `{{` is never closed with `}}`.");
        }

        foreach (var diagnostic in TemplateSyntaxChecker.Check(scan.Tags, source))
        {
            yield return diagnostic;
        }
    }

    private static StageResult<RenderedTemplate> Failed(ImmutableArray<Diagnostic> diagnostics) =>
        new(new RenderedTemplate(string.Empty, line => line), diagnostics);
}
