using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>Names of Docker objects, environment variables and build stages.</summary>
internal static partial class DockerNames
{
    public const string ObjectNamePattern = "[a-zA-Z0-9][a-zA-Z0-9_.-]*";
    public const string VariableNamePattern = "[A-Za-z_][A-Za-z0-9_.-]*";
    public const string StageNamePattern = "[A-Za-z][A-Za-z0-9_.-]*";

    public static bool IsObjectName(string text) => ObjectName().IsMatch(text);

    public static string? FindObjectNameProblem(string text) => text.Length == 0
        ? "the name is empty"
        : IsObjectName(text) ? null : "it must start with a letter or digit and contain only letters, digits, '_', '.' and '-'";

    public static string? FindVariableProblem(string text) => VariableName().IsMatch(text)
        ? null
        : "it must start with a letter or '_' and contain only letters, digits, '_', '.' and '-'";

    public static string? FindStageProblem(string text) => StageName().IsMatch(text)
        ? null
        : "it must start with a letter and contain only letters, digits, '_', '.' and '-'";

    [GeneratedRegex("^" + ObjectNamePattern + @"\z")]
    private static partial Regex ObjectName();

    [GeneratedRegex("^" + VariableNamePattern + @"\z")]
    private static partial Regex VariableName();

    [GeneratedRegex("^" + StageNamePattern + @"\z")]
    private static partial Regex StageName();
}
