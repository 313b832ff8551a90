using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Spectre.Console;

namespace Declarative.Cli.Rendering.Live;

/// <summary>
/// A run's progress as the user sees it. Plain: one timestamped line per event, byte for byte as without a terminal.
/// Live: from the go-ahead (<see cref="Begin"/>) until disposed, a <see cref="LiveRunDisplay"/> of what is running,
/// waiting and done, which also takes the build and push lines; disposing it leaves the final frame, and the caller
/// prints the summary after it as always.
/// </summary>
internal sealed class RunProgress : IProgress<ApplyEvent>, IAsyncDisposable
{
    private readonly TextWriter _plain;
    private readonly Lock _plainGate = new();
    private readonly Func<IAnsiConsole>? _console;
    private readonly string _verb;
    private readonly bool _color;
    private readonly BuildOutputRoute? _buildOutput;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private LiveRunState? _state;
    private LiveRunDisplay? _display;
    private IDisposable? _diverted;

    /// <param name="console">Null for the plain lines; otherwise where the live view draws.</param>
    /// <param name="verb">What the run does, for the live header: "Applying", "Rolling back", "Destroying".</param>
    /// <param name="buildOutput">The session's build and push lines, taken into the live view while it runs.</param>
    public RunProgress(TextWriter plain, Func<IAnsiConsole>? console, string verb, bool color, BuildOutputRoute? buildOutput, TimeProvider time, TimeSpan interval)
    {
        _plain = plain;
        _console = console;
        _verb = verb;
        _color = color;
        _buildOutput = buildOutput;
        _time = time;
        _interval = interval;
    }

    public static RunProgress For(IOContext io, ProgressView view, string verb, BuildOutputRoute? buildOutput) => new(
        io.Out,
        view.Live ? () => LiveConsole.Create(io, view.Color) : null,
        verb,
        view.Color,
        buildOutput,
        TimeProvider.System,
        LiveRunDisplay.DefaultInterval)
    {
        Warnings = io.Error,
    };

    /// <summary>Where a failure of the live view itself is reported (stderr): it must not cost the run its summary.</summary>
    public TextWriter Warnings { get; init; } = TextWriter.Null;

    /// <summary>The live display while it runs (null for plain lines, or before the go-ahead).</summary>
    internal LiveRunDisplay? Display => _display;

    /// <summary>The plan was approved and is about to run: the live view starts here, after the plan and the prompt.</summary>
    public void Begin(Plan plan) =>
        // No-ops report nothing: only the rest can be pending.
        Begin(plan.Changes.Count(c => c.Action != ChangeAction.NoOp));

    /// <param name="planned">How many resources the run will change.</param>
    public void Begin(int planned)
    {
        if (_console is null || _display is not null)
        {
            return;
        }

        IAnsiConsole console;
        try
        {
            console = _console();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // No live view, but the run goes on with the plain lines.
            Warnings.WriteLine($"warning: the live progress view could not start: {error.Message} Printing one line per step instead.");
            return;
        }

        var state = new LiveRunState(planned, _time.GetUtcNow());
        _state = state;
        _diverted = _buildOutput?.Divert(state.Output);
        _display = LiveRunDisplay.Start(console, state, _verb, _color, _time, _interval);
    }

    public void Report(ApplyEvent value)
    {
        if (_state is { } state)
        {
            state.Report(value);
            return;
        }

        lock (_plainGate)
        {
            _plain.WriteLine(ApplyProgressRenderer.Line(value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _diverted?.Dispose();
        if (_display is { } display)
        {
            try
            {
                await display.DisposeAsync();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The run itself is over and recorded; the caller prints its summary as usual.
                await Warnings.WriteLineAsync($"warning: the live progress view stopped: {error.Message} The summary below is complete; run with --no-progress for the plain lines.");
            }
        }
    }
}
