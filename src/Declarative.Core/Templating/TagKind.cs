namespace Declarative.Core.Templating;

/// <summary>What a mustache does: prints a value, or shapes the template (blocks, comments, partials).</summary>
internal enum TagKind
{
    Printed,
    BlockOpen,
    BlockClose,
    Else,
    Comment,
    Other,
}
