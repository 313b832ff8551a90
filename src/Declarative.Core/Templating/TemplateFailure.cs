namespace Declarative.Core.Templating;

/// <summary>
/// What a helper returns instead of a value when it cannot produce one (a required value is missing, an environment
/// variable is not set, the helper was called wrongly). Other helpers pass it on unchanged; printing it reports it.
/// </summary>
internal sealed record TemplateFailure(string Code, string Message, string Instruction);
