using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>A build platform, <c>os/arch[/variant]</c> in lowercase: linux/amd64, linux/arm64/v8.</summary>
internal static partial class Platform
{
    public const string Pattern = "[a-z0-9_]+/[a-z0-9_]+(?:/[a-z0-9_]+)?";

    public static string? FindProblem(string text) =>
        PlatformPattern().IsMatch(text) ? null : "it is not os/arch or os/arch/variant in lowercase";

    [GeneratedRegex("^(?:" + Pattern + @")\z")]
    private static partial Regex PlatformPattern();
}
