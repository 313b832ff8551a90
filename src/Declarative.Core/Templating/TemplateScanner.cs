using System.Collections.Immutable;

namespace Declarative.Core.Templating;

/// <summary>
/// Finds the mustaches of a template the way Handlebars.Net's tokenizer does: <c>\{{</c> is literal text,
/// <c>{{!-- --}}</c> comments may hold <c>}}</c>, and quoted strings inside an expression may too.
/// </summary>
internal static class TemplateScanner
{
    public static TemplateScan Scan(string text)
    {
        var tags = ImmutableArray.CreateBuilder<TemplateTag>();
        var i = 0;
        while (i < text.Length - 1)
        {
            if (At(text, i, "\\\\{{"))
            {
                // An escaped backslash: Handlebars prints one backslash, then evaluates the mustache.
                i += 2;
            }
            else if (At(text, i, "\\{{"))
            {
                i += 3;
            }
            else if (At(text, i, "{{"))
            {
                var tag = ReadTag(text, i, tags.Count);
                if (tag is null)
                {
                    return new TemplateScan(tags.ToImmutable(), i);
                }

                tags.Add(tag);
                i = tag.End;
            }
            else
            {
                i++;
            }
        }

        return new TemplateScan(tags.ToImmutable(), null);
    }

    private static TemplateTag? ReadTag(string text, int start, int id)
    {
        var inner = start + 2;
        var triple = inner < text.Length && text[inner] == '{';
        inner += triple ? 1 : 0;
        var trimBefore = inner < text.Length && text[inner] == '~';
        inner += trimBefore ? 1 : 0;
        var close = inner < text.Length && text[inner] == '!' ? FindCommentEnd(text, inner) : FindClose(text, inner);
        if (close < 0)
        {
            return null;
        }

        var trimAfter = close > inner && text[close - 1] == '~';
        var end = close + 2 + (triple && At(text, close + 2, "}") ? 1 : 0);
        var body = text[inner..(trimAfter ? close - 1 : close)].Trim();
        var (kind, expression) = Classify(body);
        return new TemplateTag(id, start, end, kind, expression, ExpressionWords.Split(expression), trimBefore, trimAfter);
    }

    private static (TagKind Kind, string Expression) Classify(string body)
    {
        if (body.Length == 0)
        {
            return (TagKind.Printed, body);
        }

        return body[0] switch
        {
            '!' => (TagKind.Comment, body),
            '#' or '^' when body.Length == 1 => (TagKind.Else, body),
            '#' or '^' => (TagKind.BlockOpen, body[1..].Trim()),
            '/' => (TagKind.BlockClose, body[1..].Trim()),
            '>' or '*' or '&' => (TagKind.Other, body),
            _ when body == "else" || body.StartsWith("else ", StringComparison.Ordinal) => (TagKind.Else, body),
            _ => (TagKind.Printed, body),
        };
    }

    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (At(text, i, "}}"))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindCommentEnd(string text, int bang)
    {
        if (!At(text, bang + 1, "--"))
        {
            return text.IndexOf("}}", bang, StringComparison.Ordinal);
        }

        var dashes = text.IndexOf("--}}", bang + 3, StringComparison.Ordinal);
        var trimmed = text.IndexOf("--~}}", bang + 3, StringComparison.Ordinal);
        if (trimmed >= 0 && (dashes < 0 || trimmed < dashes))
        {
            return trimmed + 3;
        }

        return dashes < 0 ? -1 : dashes + 2;
    }

    private static bool At(string text, int index, string expected) =>
        index >= 0 && index + expected.Length <= text.Length &&
        string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;
}
