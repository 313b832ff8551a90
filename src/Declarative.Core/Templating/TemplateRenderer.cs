using Declarative.Core.Manifests;

namespace Declarative.Core.Templating;

/// <summary>
/// Handlebars.Net templating as DESIGN "Values and templating" says: strict (a printed undefined value is an
/// error naming the file, line and missing path), no HTML escaping, <c>\{{</c> for a literal <c>{{</c>, and the
/// helpers default, required, toYaml, indent, b64enc, quote, envVar. Thread-safe; one instance per run.
/// </summary>
public sealed class TemplateRenderer
{
    /// <param name="text">The file's text.</param>
    /// <param name="file">Full path, for diagnostics.</param>
    public StageResult<RenderedTemplate> Render(string text, string file, TemplateContext context) =>
        throw new NotImplementedException();
}
