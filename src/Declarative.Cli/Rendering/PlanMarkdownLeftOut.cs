using System.Globalization;
using System.Text;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The end of a markdown plan that did not fit its size: how many resources were left out, where the full plan is
/// (the saved plan when <c>--out</c> was given, else <c>decl plan -o json</c>), and the left-out resources by name in
/// a collapsed list, as many as the remaining room holds.
/// </summary>
internal static class PlanMarkdownLeftOut
{
    private const string ListStart = "\n<details>\n<summary>Not shown</summary>\n\n";
    private const string ListEnd = "\n</details>\n";

    /// <summary>The room the note takes without names, at its longest.</summary>
    public static int Reserve(Plan plan, PlanMarkdownOptions options, int listed) => Note(plan, options, listed, listed).Length;

    public static string Of(Plan plan, PlanMarkdownOptions options, int listed, IReadOnlyList<ResourceChange> leftOut, int room)
    {
        var note = Note(plan, options, leftOut.Count, listed);
        var names = Names(leftOut, room - note.Length);
        return note + names;
    }

    private static string Note(Plan plan, PlanMarkdownOptions options, int leftOut, int listed)
    {
        var where = options.SavedPlan is { } saved
            ? $"The full plan is the saved plan `{saved}`."
            : $"For the full plan, run `decl plan --env {plan.Environment} -o json`.";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"\n**{leftOut:N0} of {listed:N0} resources are not shown** to keep this comment within {options.MaxSize:N0} characters. {where}\n");
    }

    /// <summary>The names in plan order while they fit, then "… and N more"; nothing when not one fits.</summary>
    private static string Names(IReadOnlyList<ResourceChange> leftOut, int room)
    {
        var text = new StringBuilder(ListStart);
        for (var i = 0; i < leftOut.Count; i++)
        {
            var line = $"- `{PlanMarkdownDetails.Title(leftOut[i])}`\n";
            var rest = i + 1 < leftOut.Count ? More(leftOut.Count - i - 1).Length : 0;
            if (text.Length + line.Length + rest + ListEnd.Length > room)
            {
                return i == 0 ? string.Empty : text.Append(More(leftOut.Count - i)).Append(ListEnd).ToString();
            }

            text.Append(line);
        }

        return text.Append(ListEnd).ToString();
    }

    private static string More(int count) => string.Create(CultureInfo.InvariantCulture, $"- … and {count:N0} more\n");
}
