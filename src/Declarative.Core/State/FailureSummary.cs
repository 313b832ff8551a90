using System.Globalization;
using System.Text;
using Declarative.Core.Execution;

namespace Declarative.Core.State;

/// <summary>The error line of a failed revision: which resources failed and why, and how many were skipped.</summary>
internal static class FailureSummary
{
    public static string? Of(ApplyResult result)
    {
        if (result.Succeeded)
        {
            return null;
        }

        var failed = result.Outcomes.Where(o => o.Kind == OutcomeKind.Failed).ToList();
        var skipped = result.Outcomes.Count(o => o.Kind == OutcomeKind.Skipped);
        if (failed.Count == 0)
        {
            return $"The run stopped before {Count(skipped, "resource")} could be applied.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Count(failed.Count, "resource")} failed: ")
            .AppendJoin("; ", failed.Select(o => $"{o.Address}: {o.Error ?? "no reason given"}"));

        if (skipped > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Count(skipped, "resource")} skipped)");
        }

        return text.Append('.').ToString();
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
