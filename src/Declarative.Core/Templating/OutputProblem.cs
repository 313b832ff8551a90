namespace Declarative.Core.Templating;

/// <summary>An undefined value or a helper failure found in the rendered output. <see cref="TagId"/> is the printed
/// expression it came from, when known; <see cref="SourceLine"/> is where the output was at the time.</summary>
internal sealed record OutputProblem(int? TagId, char Kind, string Payload, int SourceLine);
