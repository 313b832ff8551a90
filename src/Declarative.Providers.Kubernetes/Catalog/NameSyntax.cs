using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// The name syntaxes of Kubernetes (apimachinery validation). Each check returns null for a valid text, else
/// what is wrong with it, worded like the API server's own message.
/// </summary>
internal static partial class NameSyntax
{
    private const int SubdomainMaxLength = 253;
    private const int LabelMaxLength = 63;

    public static string? Dns1123Subdomain(string text) =>
        TooLong(text, SubdomainMaxLength)
        ?? (SubdomainPattern().IsMatch(text) ? null : "it must consist of lowercase letters, digits, '-' or '.', and must start and end with a letter or digit");

    public static string? Dns1123Label(string text) =>
        TooLong(text, LabelMaxLength)
        ?? (LabelPattern().IsMatch(text) ? null : "it must consist of lowercase letters, digits or '-', and must start and end with a letter or digit");

    public static string? Dns1035Label(string text) =>
        TooLong(text, LabelMaxLength)
        ?? (Dns1035Pattern().IsMatch(text) ? null : "it must consist of lowercase letters, digits or '-', must start with a letter and must end with a letter or digit");

    public static string? PathSegment(string text) => text switch
    {
        "." or ".." => "it may not be '.' or '..'",
        _ when text.Contains('/', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal) => "it may not contain '/' or '%'",
        _ => null,
    };

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63
    /// characters.</summary>
    public static string? QualifiedName(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? null : text[..slash];
        var name = slash < 0 ? text : text[(slash + 1)..];
        if (prefix is not null && (prefix.Length == 0 || Dns1123Subdomain(prefix) is not null))
        {
            return $"its prefix \"{prefix}\" must be a DNS subdomain: lowercase letters, digits, '-' or '.'";
        }

        return TooLong(name, LabelMaxLength)
            ?? (QualifiedNamePattern().IsMatch(name) ? null : "its name part must consist of letters, digits, '-', '_' or '.', and must start and end with a letter or digit");
    }

    public static string? LabelValue(string text) =>
        TooLong(text, LabelMaxLength)
        ?? (text.Length == 0 || QualifiedNamePattern().IsMatch(text) ? null : "it must be empty or consist of letters, digits, '-', '_' or '.', and must start and end with a letter or digit");

    private static string? TooLong(string text, int max) =>
        text.Length > max ? $"it must be no more than {max} characters" : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Pattern();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePattern();
}
