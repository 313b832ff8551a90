using System.Collections.Immutable;
using System.Text;

namespace Declarative.Core.Templating;

/// <summary>Splits the inside of a mustache into words: quoted strings and parenthesized sub-expressions are one word.</summary>
internal static class ExpressionWords
{
    public static ImmutableArray<string> Split(string expression)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in expression)
        {
            if (quote is null && depth == 0 && char.IsWhiteSpace(c))
            {
                Flush(words, current);
                continue;
            }

            current.Append(c);
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
        }

        Flush(words, current);
        return words.ToImmutable();
    }

    /// <summary>Path-like words anywhere in the expression, sub-expressions included (for naming a missing value).</summary>
    public static IEnumerable<string> Paths(string expression) =>
        expression.Split([' ', '\t', '\r', '\n', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word[0] is not ('"' or '\'') && !IsHashPair(word));

    public static bool IsHashPair(string word) =>
        word.Length > 0 && word[0] is not ('"' or '\'' or '(') && word.Contains('=', StringComparison.Ordinal);

    private static void Flush(ImmutableArray<string>.Builder words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
