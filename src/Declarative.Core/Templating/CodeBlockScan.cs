using System.Collections.Immutable;

namespace Declarative.Core.Templating;

/// <summary>
/// What lexing the parsed text found: where each code block (<c>{{</c>) starts, a <c>{{</c> or <c>{%{</c> that is
/// never closed (Scriban accepts one at the very end of a file, so it is found here), and the block statements that
/// no <c>end</c> closes (Scriban reports those at the end of the file; they are located at their opening instead).
/// All offsets are in the parsed text.
/// </summary>
internal sealed record CodeBlockScan(ImmutableArray<int> Starts, int? UnclosedAt, string? UnclosedToken, ImmutableArray<(int Offset, string Keyword)> UnclosedStatements);
