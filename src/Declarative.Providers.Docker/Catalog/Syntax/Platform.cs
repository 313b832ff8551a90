using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>A build platform, <c>os/arch[/variant]</c> in lowercase: linux/amd64, linux/arm64/v8.</summary>
internal static partial class Platform
{
    public static string? FindProblem(string text) =>
        PlatformPattern().IsMatch(text) ? null : "it is not os/arch or os/arch/variant in lowercase";

    [GeneratedRegex(@"^[a-z0-9_]+/[a-z0-9_]+(?:/[a-z0-9_]+)?\z")]
    private static partial Regex PlatformPattern();
}
