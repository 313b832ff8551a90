using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// One .dockerignore pattern compiled the way moby/patternmatcher compiles it: <c>*</c> is any run of
/// characters except '/', <c>?</c> one character except '/', <c>**</c> any number of whole path segments
/// (<c>**/</c> counts as <c>**</c>, a trailing <c>**</c> matches everything below), <c>[...]</c> a character
/// class, <c>\</c> escapes the next character, and the whole path must match. Like patternmatcher, a pattern
/// without wildcards compares literally, <c>prefix/**</c> is a literal prefix test and <c>**suffix</c> a
/// literal suffix test (so <c>**foo</c> also matches "xfoo"), everything else a regular expression.
/// <para>
/// Where this differs from docker, on purpose: a backslash before a letter or digit is an error (docker's Go
/// regexp would read <c>\d</c> as a digit class, .NET gives some such escapes other meanings); POSIX classes
/// such as <c>[[:alpha:]]</c> are not recognised; an invalid pattern fails when the file is read, not when a
/// path first reaches it; <c>\</c> always escapes, as on Linux (docker on Windows treats it as a separator).
/// </para>
/// </summary>
internal sealed class IgnorePattern
{
    // Characters with a regex meaning that filepath.Match treats literally; patternmatcher escapes these.
    private const string RegexOnlySpecials = ".+()|{}$";

    private readonly IgnorePatternKind _kind;
    private readonly Regex? _regex;

    private IgnorePattern(string text, bool isException, IgnorePatternKind kind, Regex? regex)
    {
        Text = text;
        IsException = isException;
        _kind = kind;
        _regex = regex;
        SegmentCount = text.Split('/').Length;
    }

    /// <summary>The cleaned pattern without its leading '!'.</summary>
    public string Text { get; }

    /// <summary>A '!' pattern: a path it matches is sent again.</summary>
    public bool IsException { get; }

    /// <summary>How many slash-separated segments the pattern has (the deprecated parent test uses it).</summary>
    public int SegmentCount { get; }

    /// <summary>
    /// Compiles one line as patternmatcher's <c>New</c> does (trim, clean, then split off '!'); throws
    /// <see cref="FormatException"/> with what is wrong when the pattern is not valid.
    /// </summary>
    public static IgnorePattern? Compile(string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        text = GoPath.Clean(text);
        var isException = text[0] == '!';
        if (isException)
        {
            if (text.Length == 1)
            {
                throw new FormatException("a lone \"!\" is not a pattern; write !PATH to send PATH again");
            }

            text = text[1..];
        }

        if (GoGlobSyntax.FindProblem(text) is { } problem)
        {
            throw new FormatException(problem);
        }

        var (kind, expression) = Translate(text);
        return new IgnorePattern(text, isException, kind, kind == IgnorePatternKind.Regex ? CompileRegex(expression) : null);
    }

    /// <summary>Whether the whole slash-separated <paramref name="path"/> matches.</summary>
    public bool Matches(string path) => _kind switch
    {
        IgnorePatternKind.Exact => string.Equals(path, Text, StringComparison.Ordinal),
        IgnorePatternKind.Prefix => path.StartsWith(Text[..^2], StringComparison.Ordinal),
        IgnorePatternKind.Suffix => MatchesSuffix(path, Text[2..]),
        _ => _regex!.IsMatch(path),
    };

    public override string ToString() => (IsException ? "!" : string.Empty) + Text;

    private static bool MatchesSuffix(string path, string suffix) =>
        path.EndsWith(suffix, StringComparison.Ordinal)
        || (suffix.Length > 0 && suffix[0] == '/' && string.Equals(path, suffix[1..], StringComparison.Ordinal));

    private static (IgnorePatternKind Kind, string Expression) Translate(string pattern)
    {
        var expression = new StringBuilder("^");
        var kind = IgnorePatternKind.Exact;
        var i = 0;
        for (var step = 0; i < pattern.Length; step++)
        {
            var ch = pattern[i++];
            if (ch == '*' && i < pattern.Length && pattern[i] == '*')
            {
                i++;
                if (i < pattern.Length && pattern[i] == '/')
                {
                    i++;
                }

                if (i == pattern.Length)
                {
                    if (kind == IgnorePatternKind.Exact)
                    {
                        kind = IgnorePatternKind.Prefix;
                    }
                    else
                    {
                        expression.Append(".*");
                        kind = IgnorePatternKind.Regex;
                    }
                }
                else
                {
                    expression.Append("(.*/)?");
                    kind = IgnorePatternKind.Regex;
                }

                if (step == 0)
                {
                    kind = IgnorePatternKind.Suffix;
                }
            }
            else if (ch == '*')
            {
                expression.Append("[^/]*");
                kind = IgnorePatternKind.Regex;
            }
            else if (ch == '?')
            {
                // One character as Go counts them: a code point, so a surrogate pair is one.
                expression.Append(@"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^/])");
                kind = IgnorePatternKind.Regex;
            }
            else if (RegexOnlySpecials.Contains(ch, StringComparison.Ordinal))
            {
                expression.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                // The syntax check guarantees a character follows.
                var escaped = pattern[i++];
                if (char.IsAsciiLetterOrDigit(escaped))
                {
                    // In Go's regexp "\d", "\w" and friends would be classes; in a file pattern that is never
                    // what was meant, and .NET gives some of them other meanings.
                    throw new FormatException($"\"\\{escaped}\" escapes a letter or digit; write the letter or digit without the backslash");
                }

                expression.Append('\\').Append(escaped);
                kind = IgnorePatternKind.Regex;
            }
            else if (ch is '[' or ']')
            {
                expression.Append(ch);
                kind = IgnorePatternKind.Regex;
            }
            else
            {
                expression.Append(ch);
            }
        }

        // Go's "$" without the m flag is the end of the text; .NET's "$" also matches before a final newline.
        return (kind, expression.Append(@"\z").ToString());
    }

    private static Regex CompileRegex(string expression)
    {
        try
        {
            // Non-backtracking, like Go's RE2: "**" patterns stay linear on long paths.
            return new Regex(expression, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"it does not translate to a valid expression ({ErrorText.Reason(e)})", e);
        }
    }

    private enum IgnorePatternKind
    {
        Exact,
        Prefix,
        Suffix,
        Regex,
    }
}
