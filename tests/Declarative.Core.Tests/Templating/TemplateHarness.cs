using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Templating;

namespace Declarative.Core.Tests.Templating;

/// <summary>Renders inline templates against inline JSON values, as the loader would for /project/manifests/app.yaml.</summary>
internal static class TemplateHarness
{
    public const string SourceFile = "/project/manifests/app.yaml";

    private static readonly TemplateRenderer Renderer = new();

    public static StageResult<RenderedTemplate> Render(
        string template,
        string values = "{}",
        string? module = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        CancellationToken cancellationToken = default) =>
        Renderer.Render(template, SourceFile, Context(values, module, environmentVariables), cancellationToken);

    public static TemplateContext Context(string values, string? module = null, IReadOnlyDictionary<string, string>? environmentVariables = null) =>
        new(
            JsonNode.Parse(values)!.AsObject(),
            "dev",
            "kubia",
            module,
            environmentVariables ?? ImmutableDictionary<string, string>.Empty);

    /// <summary>The text, after asserting that rendering reported nothing.</summary>
    public static string Text(string template, string values = "{}")
    {
        var result = Render(template, values);
        Assert.Empty(Describe(result.Diagnostics));
        return result.Value.Text;
    }

    /// <summary>"CODE line:column" per diagnostic, for compact assertions on what and where.</summary>
    public static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Code} {d.Location?.Line}:{d.Location?.Column}");

    /// <summary>The path each DCL111 names (the first `quoted` part of its detail).</summary>
    public static IEnumerable<string> MissingPaths(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Detail[0].Split('`')[1]);

    /// <summary>The source line of every output line, 1-based, in order.</summary>
    public static IEnumerable<int> SourceLines(RenderedTemplate rendered) =>
        Enumerable.Range(1, rendered.Text.Split('\n').Length - (rendered.Text.EndsWith('\n') ? 1 : 0)).Select(rendered.LineMap);
}
