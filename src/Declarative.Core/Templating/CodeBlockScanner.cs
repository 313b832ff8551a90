using System.Collections.Immutable;
using Scriban.Parsing;

namespace Declarative.Core.Templating;

/// <summary>Lexes the text with Scriban's own lexer (so strings and comments holding braces are read as Scriban
/// reads them) and collects a <see cref="CodeBlockScan"/>.</summary>
internal static class CodeBlockScanner
{
    /// <summary>Statements that a matching <c>end</c> closes.</summary>
    private static readonly string[] BlockKeywords = ["if", "for", "while", "case", "capture", "with", "wrap", "tablerow"];

    public static CodeBlockScan Scan(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        var openBlocks = new Stack<(int Offset, string Keyword)>();
        int? openCode = null;
        int? openEscape = null;
        var atStatementStart = false;
        foreach (var token in new Lexer(text))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter:
                    openCode = token.Start.Offset;
                    starts.Add(token.Start.Offset);
                    atStatementStart = true;
                    continue;
                case TokenType.CodeExit:
                    openCode = null;
                    atStatementStart = false;
                    continue;
                case TokenType.EscapeEnter:
                    openEscape = token.Start.Offset;
                    continue;
                case TokenType.EscapeExit:
                    openEscape = null;
                    continue;
                case TokenType.NewLine or TokenType.SemiColon:
                    atStatementStart = true;
                    continue;
                case TokenType.Whitespace or TokenType.WhitespaceFull or TokenType.Comment or TokenType.CommentMulti:
                    continue;
                case TokenType.Identifier when atStatementStart:
                    TrackBlock(token.GetText(text), token.Start.Offset, openBlocks);
                    break;
                default:
                    break;
            }

            atStatementStart = false;
        }

        var (unclosedAt, unclosedToken) = openCode is { } code ? (code, "{{") : openEscape is { } escape ? (escape, "{%{") : ((int?)null, (string?)null);
        return new CodeBlockScan(starts.ToImmutable(), unclosedAt, unclosedToken, [.. openBlocks.Reverse()]);
    }

    private static void TrackBlock(string keyword, int offset, Stack<(int Offset, string Keyword)> openBlocks)
    {
        if (keyword == "end")
        {
            openBlocks.TryPop(out _);
        }
        else if (BlockKeywords.Contains(keyword, StringComparer.Ordinal))
        {
            openBlocks.Push((offset, keyword));
        }
    }
}
