using System.Globalization;
using System.Text;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The end of a markdown plan that did not fit its size: how many resources were left out, where the full plan is
/// (the saved plan when <c>--out</c> was given, else <c>decl plan -o json</c>), and the left-out resources by name in a
/// collapsed list, the most destructive first (deletes, replaces, updates, releases, then creates; plan order within
/// each). The names may take up to a tenth of the budget (about 130 names in 60,000 characters) and more when the
/// resources shown leave room; past that the list ends with "… and N more".
/// </summary>
internal sealed class PlanMarkdownLeftOut(Plan plan, PlanMarkdownOptions options, IReadOnlyList<ResourceChange> listed)
{
    private const string ListStart = "\n<details>\n<summary>Not shown</summary>\n\n";
    private const string ListEnd = "\n</details>\n";

    private readonly int[] namesFrom = SuffixSums([.. listed.Select(c => Name(c).Length)]);

    /// <summary>The room to keep when the resources from <paramref name="firstLeftOut"/> on are left out.</summary>
    public int Room(int firstLeftOut) => firstLeftOut >= listed.Count
        ? 0
        : Text(listed.Count).Length + ListStart.Length + ListEnd.Length + More(listed.Count).Length + Math.Min(namesFrom[firstLeftOut], options.MaxSize / 10);

    /// <summary>The note for the resources from <paramref name="shown"/> on, within <paramref name="room"/> characters
    /// when that is possible.</summary>
    public string Note(int shown, int room)
    {
        var note = Text(listed.Count - shown);
        return note + Names([.. listed.Skip(shown).OrderBy(c => Severity(c.Action))], room - note.Length);
    }

    private string Text(int leftOut)
    {
        var where = options.SavedPlan is { } saved
            ? $"The full plan is the saved plan `{saved}`."
            : $"For the full plan, run `decl plan --env {plan.Environment} -o json`.";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"\n**{leftOut:N0} of {listed.Count:N0} resources are not shown** to keep this comment within {options.MaxSize:N0} characters. {where}\n");
    }

    /// <summary>The names in plan order while they fit, then "… and N more"; nothing when not one fits.</summary>
    private static string Names(List<ResourceChange> leftOut, int room)
    {
        var text = new StringBuilder(ListStart);
        for (var i = 0; i < leftOut.Count; i++)
        {
            var line = Name(leftOut[i]);
            var rest = i + 1 < leftOut.Count ? More(leftOut.Count - i - 1).Length : 0;
            if (text.Length + line.Length + rest + ListEnd.Length > room)
            {
                return i == 0 ? string.Empty : text.Append(More(leftOut.Count - i)).Append(ListEnd).ToString();
            }

            text.Append(line);
        }

        return text.Append(ListEnd).ToString();
    }

    private static int Severity(ChangeAction action) => action switch
    {
        ChangeAction.Delete => 0,
        ChangeAction.Replace => 1,
        ChangeAction.Update => 2,
        ChangeAction.Release => 3,
        ChangeAction.Create => 4,
        _ => 5,
    };

    private static string Name(ResourceChange change) => $"- `{PlanMarkdownDetails.Title(change)}`\n";

    private static string More(int count) => string.Create(CultureInfo.InvariantCulture, $"- … and {count:N0} more\n");

    private static int[] SuffixSums(int[] lengths)
    {
        var sums = new int[lengths.Length + 1];
        for (var i = lengths.Length - 1; i >= 0; i--)
        {
            sums[i] = sums[i + 1] + lengths[i];
        }

        return sums;
    }
}
