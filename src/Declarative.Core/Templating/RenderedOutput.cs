using System.Collections.Immutable;

namespace Declarative.Core.Templating;

/// <summary>Handlebars' output with the markers taken out. <see cref="LineMap"/>[i] is the source line of output
/// line i + 1. <see cref="OpenTagId"/> and <see cref="LastSourceLine"/> tell where rendering was when it ended
/// (for locating a runtime error).</summary>
internal sealed record RenderedOutput(
    string Text,
    ImmutableArray<int> LineMap,
    ImmutableArray<OutputProblem> Problems,
    int? OpenTagId,
    int LastSourceLine);
