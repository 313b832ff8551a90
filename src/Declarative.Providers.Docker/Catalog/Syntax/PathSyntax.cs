namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>Small text checks shared by several fields.</summary>
internal static class PathSyntax
{
    public static string? FindEmptyProblem(string text) => string.IsNullOrWhiteSpace(text) ? "it is empty" : null;

    public static string? FindAbsoluteProblem(string text) => text.StartsWith('/') ? null : "it is not an absolute path";

    public static string? FindWordProblem(string text) =>
        FindEmptyProblem(text) ?? (text.Any(char.IsWhiteSpace) ? "it contains white space" : null);
}
