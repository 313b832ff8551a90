using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>Go durations as Docker takes them: <c>30s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1.5h</c>, or <c>0</c>.
/// Units: ns, us (or µs), ms, s, m, h. No sign: a negative interval means nothing here.</summary>
internal static partial class GoDuration
{
    /// <summary>A duration with its units; <c>0</c> alone is accepted too (see <see cref="Pattern"/>).</summary>
    public const string WithUnits = "(?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+";

    /// <summary>Everything <see cref="FindProblem"/> accepts.</summary>
    public const string Pattern = "0|" + WithUnits;

    public static string? FindProblem(string text) =>
        text == "0" || Duration().IsMatch(text) ? null : "it is not a duration such as 30s, 1m30s or 500ms";

    [GeneratedRegex("^" + WithUnits + @"\z")]
    private static partial Regex Duration();
}
