namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>Small text checks shared by several fields.</summary>
internal static class PathSyntax
{
    /// <summary>Patterns of what the checks below accept, for the JSON Schema (ValueRulePatternTests hold them together).</summary>
    public const string NotBlankPattern = @"[\s\S]*\S[\s\S]*";
    public const string AbsolutePattern = @"/[\s\S]*";
    public const string WordPattern = @"\S+";

    public static string? FindEmptyProblem(string text) => string.IsNullOrWhiteSpace(text) ? "it is empty" : null;

    public static string? FindAbsoluteProblem(string text) => text.StartsWith('/') ? null : "it is not an absolute path";

    public static string? FindWordProblem(string text) =>
        FindEmptyProblem(text) ?? (text.Any(char.IsWhiteSpace) ? "it contains white space" : null);
}
