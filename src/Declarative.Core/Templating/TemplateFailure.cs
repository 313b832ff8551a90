namespace Declarative.Core.Templating;

/// <summary>
/// What a function returns instead of a value when it cannot produce one (a required value is missing, an
/// environment variable is not set, the function was called wrongly). Functions pass it on unchanged; printing it
/// reports it, with <see cref="Detail"/> as the diagnostic's lines.
/// </summary>
internal sealed class TemplateFailure(string code, string summary, params string[] detail) : StandIn
{
    public string Code { get; } = code;

    public string Summary { get; } = summary;

    public IReadOnlyList<string> Detail { get; } = detail;

    public override string ToString() => Summary;
}
