using System.Diagnostics;
using Declarative.Cli.Rendering.Live;
using Declarative.Core.Execution;
using Spectre.Console.Testing;
using static Declarative.Cli.Tests.LiveProgress.LiveEvents;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>The live display on Spectre's TestConsole: its refresh rate, and the frame it leaves behind.</summary>
public sealed class LiveRunDisplayTests
{
    [Fact]
    public async Task Frames_are_drawn_on_a_timer_at_most_ten_a_second_however_many_events_arrive()
    {
        using var console = new TestConsole().Width(100).Height(30);
        var time = new ManualTime(T0);
        var state = new LiveRunState(1000, T0);
        var clock = Stopwatch.StartNew();
        var display = LiveRunDisplay.Start(console, state, "Applying", color: false, time, LiveRunDisplay.DefaultInterval);
        for (var round = 0; clock.Elapsed < TimeSpan.FromMilliseconds(600); round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                state.Report(At(0, ConfigMap(i), round % 2 == 0 ? ApplyEventKind.Started : ApplyEventKind.Waiting, "1 of 2 replicas available"));
            }
        }

        await display.DisposeAsync();
        var seconds = clock.Elapsed.TotalSeconds;

        // One frame on start, one per 100 ms tick, and the final one.
        Assert.InRange(display.Frames, 2, (seconds * 10) + 3);
    }

    [Fact]
    public async Task Disposing_draws_the_final_frame_with_every_resource_done()
    {
        using var console = new TestConsole().Width(100).Height(30);
        var time = new ManualTime(T0);
        var state = new LiveRunState(2, T0);
        var display = LiveRunDisplay.Start(console, state, "Destroying", color: false, time, TimeSpan.FromHours(1));
        state.Report(At(0, Web, ApplyEventKind.Started, "Deleting"));
        state.Report(At(0, Namespace, ApplyEventKind.Started, "Deleting"));
        state.Report(At(2, Web, ApplyEventKind.Deleted, "Deleted"));
        state.Report(At(3, Namespace, ApplyEventKind.Deleted, "Deleted"));
        time.Now = T0.AddSeconds(3);

        await display.DisposeAsync();

        var output = console.Output;
        var final = output[output.LastIndexOf("Destroying:", StringComparison.Ordinal)..];
        Assert.StartsWith("Destroying: 2 done, 0 failed, 0 skipped, 0 in progress, 0 pending (3s)", final, StringComparison.Ordinal);
        Assert.Contains("  done        2s  Deployment.apps/shop/web  Deleted", final, StringComparison.Ordinal);
        Assert.Contains("  done        3s  Namespace/shop            Deleted", final, StringComparison.Ordinal);
    }
}
