using System.Text;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// The lines a child process writes, as they arrive, with waits for a line that shows the run reached a point: a
/// test signals after seeing it, never after a fixed sleep. A wait fails (with everything printed so far) when the
/// streams close first or the time runs out.
/// </summary>
internal sealed class ProcessOutput
{
    private readonly Lock gate = new();
    private readonly List<(Channel From, string Line)> lines = [];
    private readonly List<Waiter> waiters = [];
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int openStreams = 2;

    public enum Channel
    {
        Stdout,
        Stderr,
    }

    /// <summary>One line from a stream; null is its end (as Process's DataReceived events report it).</summary>
    public void Add(Channel from, string? line)
    {
        List<Waiter> woken;
        lock (gate)
        {
            if (line is null)
            {
                if (--openStreams == 0)
                {
                    woken = [.. waiters];
                    waiters.Clear();
                    closed.TrySetResult();
                }
                else
                {
                    return;
                }
            }
            else
            {
                lines.Add((from, line));
                woken = [.. waiters.Where(w => w.From == from && w.Matches(line))];
                waiters.RemoveAll(woken.Contains);
            }
        }

        foreach (var waiter in woken)
        {
            if (line is null)
            {
                waiter.Found.TrySetException(new InvalidOperationException("The process closed its output first."));
            }
            else
            {
                waiter.Found.TrySetResult(line);
            }
        }
    }

    public string Text(Channel from)
    {
        lock (gate)
        {
            return string.Concat(lines.Where(l => l.From == from).Select(l => l.Line + "\n"));
        }
    }

    public string Transcript()
    {
        lock (gate)
        {
            var text = new StringBuilder();
            foreach (var (from, line) in lines)
            {
                text.Append(from == Channel.Stdout ? "out| " : "err| ").AppendLine(line);
            }

            return text.ToString();
        }
    }

    public async Task<string> WaitForAsync(Channel from, Func<string, bool> matches, string what, TimeSpan timeout)
    {
        var waiter = new Waiter(from, matches, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            if (lines.FirstOrDefault(l => l.From == from && matches(l.Line)) is { Line: { } seen })
            {
                return seen;
            }

            if (closed.Task.IsCompleted)
            {
                Assert.Fail($"The process ended without printing {what} on {from}.\n{Transcript()}");
            }

            waiters.Add(waiter);
        }

        try
        {
            return await waiter.Found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No {what} on {from} within {timeout.TotalSeconds:0} s.\n{Transcript()}");
            throw;
        }
        catch (InvalidOperationException)
        {
            Assert.Fail($"The process ended without printing {what} on {from}.\n{Transcript()}");
            throw;
        }
    }

    /// <summary>Both streams read to their end (after the process exited, their last lines may still be on the way).</summary>
    public async Task ClosedAsync(TimeSpan timeout) => await closed.Task.WaitAsync(timeout);

    private sealed record Waiter(Channel From, Func<string, bool> Matches, TaskCompletionSource<string> Found);
}
