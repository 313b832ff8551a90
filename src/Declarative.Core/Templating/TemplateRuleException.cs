using Scriban.Parsing;
using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>Stops a render for breaking one of our rules (an unknown function, a write to the read-only context),
/// with the diagnostic's own wording rather than Scriban's.</summary>
internal sealed class TemplateRuleException(SourceSpan span, string summary, string problem, string fix, Exception? cause)
    : ScriptRuntimeException(span, problem, cause)
{
    public string Summary { get; } = summary;

    public string Problem { get; } = problem;

    public string Fix { get; } = fix;
}
