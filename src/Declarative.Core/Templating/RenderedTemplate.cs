namespace Declarative.Core.Templating;

/// <summary>The output of templating one file. <see cref="LineMap"/> maps a 1-based output line to the 1-based
/// source line it came from, so YAML errors and positions point into the file the user wrote.</summary>
public sealed record RenderedTemplate(string Text, Func<int, int> LineMap);
