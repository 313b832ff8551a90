using Declarative.Cli.Rendering.Live;
using Declarative.Core.Execution;
using Spectre.Console;
using Spectre.Console.Testing;
using static Declarative.Cli.Tests.LiveProgress.LiveEvents;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>One frame of the live view, drawn on Spectre's TestConsole from the events of a run.</summary>
public sealed class LiveRunFrameTests
{
    [Fact]
    public void A_frame_shows_what_is_running_what_is_waiting_and_why_and_what_is_done_with_elapsed_times()
    {
        var state = new LiveRunState(4, T0);
        state.Report(At(0, Namespace, ApplyEventKind.Started, "Creating"));
        state.Report(At(1, Namespace, ApplyEventKind.Ready, "Ready"));
        state.Report(At(1, Web, ApplyEventKind.Started, "Creating"));
        state.Report(At(2, Web, ApplyEventKind.Applied, "Created"));
        state.Report(At(3, Web, ApplyEventKind.Waiting, "2 of 3 replicas available"));
        state.Report(At(4, Settings, ApplyEventKind.Started, "Creating"));

        var lines = Draw(state.Snapshot(T0.AddSeconds(65), 10), width: 120);

        Assert.Equal(
            [
                "Applying: 1 done, 0 failed, 0 skipped, 2 in progress, 1 pending (1m05s)",
                "  waiting  1m04s  Deployment.apps/shop/web  2 of 3 replicas available",
                "  running  1m01s  ConfigMap/shop/settings   Creating",
                "  done        1s  Namespace/shop            Ready",
            ],
            lines);
    }

    [Fact]
    public void Failures_and_skips_are_shown_with_their_reason_and_counted()
    {
        var state = new LiveRunState(3, T0);
        state.Report(At(0, Web, ApplyEventKind.Started, "Updating"));
        state.Report(At(9, Web, ApplyEventKind.Failed, "ProgressDeadlineExceeded: 0 of 3 replicas available\nevidence"));
        state.Report(At(9, Settings, ApplyEventKind.Skipped, "Not applied because its dependency Deployment.apps/shop/web failed."));

        var lines = Draw(state.Snapshot(T0.AddSeconds(10), 10), width: 200);

        Assert.Equal("Applying: 0 done, 1 failed, 1 skipped, 0 in progress, 1 pending (10s)", lines[0]);
        Assert.Contains("  skipped     0s  ConfigMap/shop/settings   Not applied because its dependency Deployment.apps/shop/web failed.", lines);
        Assert.Contains("  FAILED      9s  Deployment.apps/shop/web  ProgressDeadlineExceeded: 0 of 3 replicas available ...", lines);
    }

    [Fact]
    public void A_build_line_stands_in_for_the_image_status_until_its_next_event()
    {
        var state = new LiveRunState(1, T0);
        state.Report(At(0, Image, ApplyEventKind.Started, "Creating"));
        state.Output(Image, "Step 2/6 : COPY . .");

        Assert.Contains("  running     2s  Image.docker.declarative.dev/web  Step 2/6 : COPY . .", Draw(state.Snapshot(T0.AddSeconds(2), 10), width: 120));

        state.Output(Image, "Pushing 12.5MB/40.2MB");
        Assert.Contains("  running     3s  Image.docker.declarative.dev/web  Pushing 12.5MB/40.2MB", Draw(state.Snapshot(T0.AddSeconds(3), 10), width: 120));

        state.Report(At(4, Image, ApplyEventKind.Ready, "Ready"));
        Assert.Contains("  done        4s  Image.docker.declarative.dev/web  Ready", Draw(state.Snapshot(T0.AddSeconds(5), 10), width: 120));
    }

    [Fact]
    public void A_run_of_1000_resources_draws_counts_and_a_frame_no_taller_than_the_terminal()
    {
        var state = new LiveRunState(1000, T0);
        for (var i = 0; i < 600; i++)
        {
            state.Report(At(0, ConfigMap(i), ApplyEventKind.Started, "Creating"));
        }

        for (var i = 0; i < 540; i++)
        {
            state.Report(At(1, ConfigMap(i), i < 528 ? ApplyEventKind.Ready : ApplyEventKind.Failed, i < 528 ? "Ready" : "quota exceeded"));
        }

        var height = 24;
        var lines = Draw(state.Snapshot(T0.AddSeconds(2), LiveRunFrame.ActiveRowsFor(height)), width: 100, height);

        Assert.True(lines.Count <= height, $"{lines.Count} lines:\n{string.Join("\n", lines)}");
        Assert.Equal("Applying: 528 done, 12 failed, 0 skipped, 60 in progress, 400 pending (2s)", lines[0]);
        Assert.Contains("  running     2s  ConfigMap/team/app-540  Creating", lines);
        Assert.Contains(lines, l => l.StartsWith("  ... and ", StringComparison.Ordinal) && l.EndsWith(" more in progress", StringComparison.Ordinal));
        Assert.Contains("  ... and 7 more failed (the summary names them all)", lines);
        Assert.Contains("  FAILED      1s  ConfigMap/team/app-539  quota exceeded", lines);
    }

    [Fact]
    public void A_line_wider_than_the_terminal_is_cut_rather_than_wrapped()
    {
        var state = new LiveRunState(1, T0);
        state.Report(At(0, Web, ApplyEventKind.Waiting, new string('x', 200)));

        var lines = Draw(state.Snapshot(T0, 10), width: 60);

        Assert.Equal(2, lines.Count);
        Assert.Equal(60, lines[1].Length);
        Assert.EndsWith("...", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_is_used_only_when_wanted()
    {
        var state = new LiveRunState(1, T0);
        state.Report(At(0, Web, ApplyEventKind.Waiting, "1 of 2 replicas available"));
        var snapshot = state.Snapshot(T0, 10);

        Assert.DoesNotContain("\u001b[", DrawWithAnsi(snapshot, color: false), StringComparison.Ordinal);
        Assert.Contains("\u001b[", DrawWithAnsi(snapshot, color: true), StringComparison.Ordinal);
        Assert.Contains("1 of 2 replicas available", DrawWithAnsi(snapshot, color: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(65, "1m05s")]
    [InlineData(3725, "1h02m")]
    public void Durations_are_short(double seconds, string expected) =>
        Assert.Equal(expected, LiveRunFrame.Duration(TimeSpan.FromSeconds(seconds)));

    private static List<string> Draw(LiveRunSnapshot snapshot, int width, int height = 40)
    {
        using var console = new TestConsole().Width(width).Height(height);
        console.Write(LiveRunFrame.Render(snapshot, "Applying", color: false, width));
        return [.. console.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
    }

    private static string DrawWithAnsi(LiveRunSnapshot snapshot, bool color)
    {
        using var console = new TestConsole().Width(100).Colors(ColorSystem.Standard).EmitAnsiSequences();
        console.Write(LiveRunFrame.Render(snapshot, "Applying", color, 100));
        return console.Output;
    }
}
