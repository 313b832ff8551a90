using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// A list of plain values that holds a multi-line string (a container's <c>command: [sh, -c, SCRIPT]</c>) is shown
/// item by item (<c>command[2]</c>), so the script can be shown as lines; only the items that differ are listed for
/// a change. Any other line passes through unchanged.
/// </summary>
internal static class ScalarListItems
{
    public static IEnumerable<PlanLine> Split(PlanLine line)
    {
        if (line.Sensitive || line.Unknown)
        {
            return [line];
        }

        var before = Items(line.Before);
        var after = Items(line.After);
        var holdsText = (before ?? []).Concat(after ?? []).Any(item => TextBlock.Of(item) is not null);
        return line.Kind switch
        {
            _ when !holdsText => [line],
            FieldDiffKind.Added when after is not null => after.Select((item, i) => Item(line, i, null, item)),
            FieldDiffKind.Removed when before is not null => before.Select((item, i) => Item(line, i, item, null)),
            FieldDiffKind.Changed when before is not null && after is not null => Changed(line, before, after),
            _ => [line],
        };
    }

    private static IEnumerable<PlanLine> Changed(PlanLine line, JsonArray before, JsonArray after)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var old = i < before.Count ? before[i] : null;
            var now = i < after.Count ? after[i] : null;
            if (i < before.Count && i < after.Count && JsonNode.DeepEquals(old, now))
            {
                continue;
            }

            yield return Item(line, i, i < before.Count ? old : null, i < after.Count ? now : null) with
            {
                Kind = i >= after.Count ? FieldDiffKind.Removed : i >= before.Count ? FieldDiffKind.Added : FieldDiffKind.Changed,
            };
        }
    }

    private static PlanLine Item(PlanLine line, int index, JsonNode? before, JsonNode? after) => line with
    {
        Path = string.Create(CultureInfo.InvariantCulture, $"{line.Path}[{index}]"),
        Before = before,
        After = after,
    };

    /// <summary>The items of a list of plain values (strings, numbers, booleans, nulls); null for anything else.</summary>
    private static JsonArray? Items(JsonNode? node) =>
        node is JsonArray array && array.All(item => item is null or JsonValue) ? array : null;
}
