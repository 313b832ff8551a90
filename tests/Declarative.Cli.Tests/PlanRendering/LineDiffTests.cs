using Declarative.Cli.Rendering;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>The line diff under a changed multi-line value: three lines of context, longer unchanged stretches
/// counted, nothing hidden that its count would not shorten, and lines printed without terminal control characters.</summary>
public sealed class LineDiffTests
{
    private static string Numbered(int count, int changed = -1, string change = "changed") =>
        string.Concat(Enumerable.Range(1, count).Select(i => i == changed ? change + "\n" : $"line {i}\n"));

    private static string Show(IEnumerable<BlockLine> lines) => string.Join('\n', lines.Select(l => l.Kind switch
    {
        BlockLineKind.Folded => l.FoldedText,
        BlockLineKind.Added => "+" + l.Text,
        BlockLineKind.Removed => "-" + l.Text,
        _ => " " + l.Text,
    }));

    [Fact]
    public void A_change_shows_three_lines_of_context_and_counts_the_rest()
    {
        var lines = LineDiff.Of(Numbered(20), Numbered(20, changed: 10), LineDiff.DefaultContext);

        Assert.Equal(
            "... 6 unchanged lines ...\n line 7\n line 8\n line 9\n-line 10\n+changed\n line 11\n line 12\n line 13\n... 7 unchanged lines ...",
            Show(lines));
    }

    [Fact]
    public void One_hidden_line_is_shown_rather_than_counted()
    {
        var lines = LineDiff.Of(Numbered(9), Numbered(9, changed: 5), LineDiff.DefaultContext);

        Assert.Equal(" line 1\n line 2\n line 3\n line 4\n-line 5\n+changed\n line 6\n line 7\n line 8\n line 9", Show(lines));
    }

    [Fact]
    public void Changes_close_together_share_their_context_and_far_ones_fold_between()
    {
        var before = Numbered(12);
        var after = before.Replace("line 1\n", "first\n", StringComparison.Ordinal).Replace("line 12\n", "last\n", StringComparison.Ordinal);

        var lines = LineDiff.Of(before, after, LineDiff.DefaultContext);

        Assert.Equal("-line 1\n+first\n line 2\n line 3\n line 4\n... 4 unchanged lines ...\n line 9\n line 10\n line 11\n-line 12\n+last", Show(lines));
    }

    [Fact]
    public void Without_a_context_size_every_line_is_kept()
    {
        var lines = LineDiff.Of(Numbered(20), Numbered(20, changed: 10), context: null);

        Assert.Equal(21, lines.Length);
        Assert.DoesNotContain(lines, l => l.Kind == BlockLineKind.Folded);
    }

    [Fact]
    public void A_changed_ending_shows_the_last_lines()
    {
        var lines = LineDiff.Of(Numbered(10), Numbered(10).TrimEnd('\n'), LineDiff.DefaultContext);

        Assert.Equal("... 6 unchanged lines ...\n line 7\n line 8\n line 9\n line 10", Show(lines));
    }

    [Fact]
    public void Lines_are_split_on_line_feeds_only_and_control_characters_are_escaped()
    {
        Assert.Equal(["a\r", "b"], TextBlock.SplitLines("a\r\nb\n"));
        Assert.Equal("a\\r", TextBlock.Visible("a\r"));
        Assert.Equal("\\u001b[31mred\\u001b[0m\tok", TextBlock.Visible("\u001b[31mred\u001b[0m\tok"));
    }

    [Theory]
    [InlineData("a\nb\n", "|")]
    [InlineData("a\nb", "|-")]
    [InlineData("a\nb\n\n", "|+")]
    public void The_header_says_how_the_text_ends(string text, string indicator) =>
        Assert.Equal(indicator, TextBlock.IndicatorOf(text));
}
