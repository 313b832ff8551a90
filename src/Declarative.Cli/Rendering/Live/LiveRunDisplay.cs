using Spectre.Console;
using Spectre.Console.Rendering;

namespace Declarative.Cli.Rendering.Live;

/// <summary>
/// Redraws a run's <see cref="LiveRunState"/> on a terminal through Spectre's live display, on its own timer: at most
/// one frame per interval (10 a second by default) however many events arrive, and never on the executor's threads,
/// so the run does not wait on the screen. Disposing it replaces the live region with the final frame, printed once.
/// </summary>
internal sealed class LiveRunDisplay : IAsyncDisposable
{
    /// <summary>Ten frames a second: smooth enough for elapsed seconds, cheap at any run size.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole _console;
    private readonly LiveRunState _state;
    private readonly string _verb;
    private readonly bool _color;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private LiveRunDisplay(IAnsiConsole console, LiveRunState state, string verb, bool color, TimeProvider time)
    {
        _console = console;
        _state = state;
        _verb = verb;
        _color = color;
        _time = time;
    }

    /// <summary>How many frames were drawn: the tests check the refresh rate with it.</summary>
    public int Frames { get; private set; }

    /// <param name="verb">What the run does, for the header: "Applying", "Rolling back", "Destroying".</param>
    public static LiveRunDisplay Start(IAnsiConsole console, LiveRunState state, string verb, bool color, TimeProvider time, TimeSpan interval)
    {
        var display = new LiveRunDisplay(console, state, verb, color, time);
        display._running = Task.Run(() => display.RunAsync(interval));
        return display;
    }

    /// <summary>Stops the timer and draws the final frame; a display that failed is reported here, once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task RunAsync(TimeSpan interval)
    {
        await _console.Live(Frame())
            // The live region keeps the height of its tallest frame; cleared, the final frame is printed alone, with no
            // blank lines where 20 running rows used to be.
            .AutoClear(true)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                using var timer = new PeriodicTimer(interval, _time);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token))
                    {
                        context.UpdateTarget(Frame());
                    }
                }
                catch (OperationCanceledException)
                {
                    // Disposed: the run is over; the final frame follows.
                }
            });
        _console.Write(Frame());
    }

    private IRenderable Frame()
    {
        Frames++;
        var snapshot = _state.Snapshot(_time.GetUtcNow(), LiveRunFrame.ActiveRowsFor(_console.Profile.Height));
        return LiveRunFrame.Render(snapshot, _verb, _color, _console.Profile.Width);
    }
}
