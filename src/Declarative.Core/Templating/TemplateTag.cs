using System.Collections.Immutable;

namespace Declarative.Core.Templating;

/// <summary>
/// One mustache of the source. <see cref="Start"/> is the offset of its first brace, <see cref="End"/> the offset
/// after its last. <see cref="Expression"/> is the inside without braces, <c>~</c> and the block sigil;
/// <see cref="Words"/> splits it at the top level (strings and sub-expressions stay whole).
/// </summary>
internal sealed record TemplateTag(
    int Id,
    int Start,
    int End,
    TagKind Kind,
    string Expression,
    ImmutableArray<string> Words,
    bool TrimBefore,
    bool TrimAfter)
{
    public string Name => Words.IsEmpty ? string.Empty : Words[0];

    /// <summary>Positional arguments: the words after the name, without hash pairs and block parameters.</summary>
    public ImmutableArray<string> Arguments =>
        [.. Words.Skip(1).TakeWhile(word => word != "as").Where(word => !ExpressionWords.IsHashPair(word))];

    public bool IsBlockLike => Kind != TagKind.Printed;
}
