using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Core.Manifests;

/// <summary>
/// Include patterns, relative to the project root with '/' separators: <c>*</c> and <c>?</c> within one path
/// segment, <c>**</c> for any number of folders (<c>manifests/**/*.yaml</c> matches <c>manifests/a.yaml</c>).
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        var text = pattern.Replace('\\', '/').TrimStart('/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var followedBySlash = i + 2 < text.Length && text[i + 2] == '/';
                builder.Append(followedBySlash ? "(?:[^/]*/)*" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return builder.Append('$').ToString();
    }
}
