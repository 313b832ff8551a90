using Declarative.Cli.Rendering;
using Declarative.Cli.Rendering.Live;
using Declarative.Core.Execution;
using Spectre.Console.Testing;
using static Declarative.Cli.Tests.LiveProgress.LiveEvents;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>The choice between the plain lines and the live view, and where build and push lines go.</summary>
public sealed class RunProgressTests
{
    [Fact]
    public async Task Plain_progress_prints_one_timestamped_line_per_event_as_before_even_after_the_go_ahead()
    {
        using var plain = new StringWriter();
        var route = new BuildOutputRoute(plain, new ManualTime(T0));
        var events = new[]
        {
            At(0, Web, ApplyEventKind.Started, "Creating"),
            At(1, Web, ApplyEventKind.Waiting, "1 of 2 replicas available"),
            At(2, Web, ApplyEventKind.Failed, "ProgressDeadlineExceeded"),
        };
        await using (var progress = new RunProgress(plain, console: null, "Applying", color: false, route, new ManualTime(T0), LiveRunDisplay.DefaultInterval))
        {
            progress.Begin(1);
            progress.Report(events[0]);
            route.Write(Image, "Step 1/2 : FROM nginx");
            progress.Report(events[1]);
            progress.Report(events[2]);
        }

        Assert.Equal(
            string.Concat(
                ApplyProgressRenderer.Line(events[0]) + "\n",
                ApplyProgressRenderer.OutputLine(Image, "Step 1/2 : FROM nginx", T0) + "\n",
                ApplyProgressRenderer.Line(events[1]) + "\n",
                ApplyProgressRenderer.Line(events[2]) + "\n"),
            plain.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("12:00:01 Deployment.apps/shop/web: waiting: 1 of 2 replicas available", ApplyProgressRenderer.Line(events[1]));
    }

    [Fact]
    public async Task The_live_view_takes_the_events_and_build_lines_from_the_go_ahead_and_gives_the_build_lines_back_after()
    {
        using var plain = new StringWriter();
        using var console = new TestConsole().Width(100).Height(30);
        var time = new ManualTime(T0);
        var route = new BuildOutputRoute(plain, time);
        var progress = new RunProgress(plain, () => console, "Applying", color: false, route, time, TimeSpan.FromMilliseconds(20));

        route.Write(Image, "built while planning");
        progress.Begin(1);
        progress.Report(At(0, Image, ApplyEventKind.Started, "Creating"));
        route.Write(Image, "Step 2/6 : COPY . .");
        // Two more frames: at least one drawn wholly after the line arrived.
        var frames = progress.Display!.Frames;
        await WaitForAsync(() => progress.Display.Frames >= frames + 2);
        progress.Report(At(1, Image, ApplyEventKind.Ready, "Ready"));
        time.Now = T0.AddSeconds(1);
        await progress.DisposeAsync();
        route.Write(Image, "after the run");

        Assert.Equal(
            $"{ApplyProgressRenderer.OutputLine(Image, "built while planning", T0)}\n{ApplyProgressRenderer.OutputLine(Image, "after the run", T0.AddSeconds(1))}\n",
            plain.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("Image.docker.declarative.dev/web  Step 2/6 : COPY . .", console.Output, StringComparison.Ordinal);
        Assert.Contains("Applying: 1 done, 0 failed, 0 skipped, 0 in progress, 0 pending (1s)", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_view_that_cannot_start_is_reported_on_stderr_and_the_run_prints_the_plain_lines()
    {
        using var plain = new StringWriter();
        using var errors = new StringWriter();
        var started = At(0, Web, ApplyEventKind.Started, "Creating");
        await using (var progress = new RunProgress(plain, () => throw new IOException("The terminal is gone."), "Applying", color: false, null, new ManualTime(T0), LiveRunDisplay.DefaultInterval) { Warnings = errors })
        {
            progress.Begin(1);
            progress.Report(started);
        }

        Assert.Equal("warning: the live progress view could not start: The terminal is gone. Printing one line per step instead.\n", errors.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(ApplyProgressRenderer.Line(started) + "\n", plain.ToString().ReplaceLineEndings("\n"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "The live view did not draw two frames within 5 s.");
    }
}
