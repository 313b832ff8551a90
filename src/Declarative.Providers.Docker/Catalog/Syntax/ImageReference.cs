using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>
/// Docker references: <c>[host[:port]/]path[:tag][@digest]</c>, path components lowercase. The first
/// component is a host when it has a '.' or ':' or is "localhost" (Docker's rule).
/// </summary>
internal static partial class ImageReference
{
    /// <summary>A Container's image: <c>${image:NAME}</c> (an Image of the project) or a plain reference.</summary>
    public static string? FindImageProblem(string text)
    {
        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Contains("${", StringComparison.Ordinal))
        {
            return ImageScheme().IsMatch(text) ? null : "a reference to an Image must be exactly ${image:NAME}, with nothing around it";
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !Digest().IsMatch(text[(at + 1)..]))
        {
            return $"\"{text[(at + 1)..]}\" is not a digest such as sha256:<64 hex digits>";
        }

        var name = at >= 0 ? text[..at] : text;
        var (host, path) = SplitHost(name);
        var colon = path.LastIndexOf(':');
        if (colon >= 0 && !Tag().IsMatch(path[(colon + 1)..]))
        {
            return $"\"{path[(colon + 1)..]}\" is not a valid tag";
        }

        return FindNameProblem(host, colon >= 0 ? path[..colon] : path);
    }

    /// <summary>An Image's repository: a reference without tag or digest (Declarative adds both).</summary>
    public static string? FindRepositoryProblem(string text)
    {
        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return "a repository has no digest; Declarative adds the tag and digest";
        }

        var (host, path) = SplitHost(text);
        return path.Contains(':', StringComparison.Ordinal)
            ? "a repository has no tag; Declarative tags each build itself"
            : FindNameProblem(host, path);
    }

    private static string? FindNameProblem(string? host, string path)
    {
        if (host is not null && NetworkAddress.FindHostPortProblem(host) is { } hostProblem)
        {
            return $"the registry host is not valid: {hostProblem}";
        }

        if (path.Any(char.IsAsciiLetterUpper))
        {
            return "it must be lowercase";
        }

        var bad = path.Split('/').FirstOrDefault(component => !PathComponent().IsMatch(component));
        return bad is null
            ? null
            : $"\"{bad}\" is not a valid path component (lowercase letters and digits, joined by '.', '_', '__' or '-')";
    }

    private static (string? Host, string Path) SplitHost(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, name);
        }

        var first = name[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        return isHost ? (first, name[(slash + 1)..]) : (null, name);
    }

    [GeneratedRegex(@"^\$\{image:[a-zA-Z0-9][a-zA-Z0-9_.-]*\}\z")]
    private static partial Regex ImageScheme();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z")]
    private static partial Regex PathComponent();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}\z")]
    private static partial Regex Digest();
}
