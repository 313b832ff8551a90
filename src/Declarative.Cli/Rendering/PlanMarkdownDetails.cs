using System.Net;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering;

/// <summary>
/// One resource of the markdown plan: a collapsible <c>&lt;details&gt;</c> holding a <c>diff</c> block of its notes
/// and fields, with every changed line starting with <c>-</c> or <c>+</c> so GitHub colours it. Multi-line values and
/// folding follow <see cref="FieldRows"/>, as in the text plan.
/// </summary>
internal static class PlanMarkdownDetails
{
    private const string BlockIndent = "   ";

    public static string Of(ResourceChange change, bool full, bool serverDefaults = false)
    {
        var title = Title(change);
        var body = string.Join('\n', DiffLines(change, full, serverDefaults));
        var fence = Fence(body);
        return $"\n<details>\n<summary><code>{WebUtility.HtmlEncode(title)}</code></summary>\n\n{fence}diff\n{body}\n{fence}\n\n</details>\n";
    }

    /// <summary>"+ create ConfigMap/web/settings", as the resource's line in the text plan reads.</summary>
    public static string Title(ResourceChange change) => $"{PlanLineRenderer.Symbol(change)} {PlanLineRenderer.Word(change)} {change.Address}".TrimStart();

    private static IEnumerable<string> DiffLines(ResourceChange change, bool full, bool serverDefaults)
    {
        if (change.Action == ChangeAction.Delete)
        {
            yield return "# deleted: no longer in the configuration";
        }

        if (change.Change.ReplaceReason is { } reason)
        {
            yield return $"# forces replacement: {reason}";
        }

        if (PlanLineRenderer.ServerMark(change) is { } mark)
        {
            yield return mark;
        }

        foreach (var note in change.Change.Notes.IsDefault ? [] : change.Change.Notes)
        {
            yield return note.Path is null ? $"# {note.Text}" : $"# {note.Path}: {note.Text}";
        }

        var fields = FieldRows.Of(change, full, serverDefaults);
        if (fields.Folded)
        {
            yield return fields.FoldedNote;
        }

        foreach (var line in fields.Rows.SelectMany(Lines))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> Lines(FieldRow row) => row switch
    {
        ValueRow value => ValueLines(value.Line),
        BlockRow block => BlockLines(block),
        FoldRow fold => [$"{Symbol(fold.Kind)} {fold.Path}: {fold.Text}"],
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Unknown field row."),
    };

    private static IEnumerable<string> ValueLines(PlanLine line)
    {
        var marks = Marks(line);
        if (line.Kind is FieldDiffKind.Changed or FieldDiffKind.Removed)
        {
            yield return $"- {line.Path}: {(line.Sensitive ? SensitiveValues.Mask : PlanValueRenderer.Text(line.Before))}{(line.Kind == FieldDiffKind.Removed ? marks : string.Empty)}";
        }

        if (line.Kind is FieldDiffKind.Changed or FieldDiffKind.Added)
        {
            var after = line.Sensitive ? SensitiveValues.Mask : FieldRows.AfterText(line);
            yield return $"+ {line.Path}: {after}{marks}";
        }
    }

    private static IEnumerable<string> BlockLines(BlockRow block)
    {
        yield return $"{Symbol(block.Kind)} {block.Path}: {block.Header}{Marks(block.Line)}";
        foreach (var line in block.Lines)
        {
            var marker = line.Kind switch
            {
                BlockLineKind.Added => "+",
                BlockLineKind.Removed => "-",
                _ => " ",
            };
            var content = line.Kind == BlockLineKind.Folded ? line.FoldedText : TextBlock.Visible(line.Text);
            yield return content.Length == 0 ? marker.TrimEnd() : $"{marker}{BlockIndent}{content}";
        }
    }

    private static string Symbol(FieldDiffKind kind) => kind switch
    {
        FieldDiffKind.Added => "+",
        FieldDiffKind.Removed => "-",
        _ => "~",
    };

    private static string Marks(PlanLine line)
    {
        var marks = new List<string>();
        if (line.Drift)
        {
            marks.Add("(drift: changed outside Declarative)");
        }

        if (line.TakenFrom is { } manager)
        {
            marks.Add($"(taken from {manager})");
        }

        if (line.ServerDefault)
        {
            marks.Add(PlanLineRenderer.ServerDefaultMark);
        }

        return marks.Count == 0 ? string.Empty : $" # {string.Join(' ', marks)}";
    }

    // A value holding ``` must not end the block early: the fence is longer than any run of backticks inside.
    private static string Fence(string body)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
