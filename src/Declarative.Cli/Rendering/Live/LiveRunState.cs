using Declarative.Core.Execution;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering.Live;

/// <summary>
/// What a run is doing, kept up to date from its progress events for the live view. Every event costs O(1) under one
/// short lock (the executor reports from many threads and must never wait on the screen); a frame reads a bounded
/// <see cref="LiveRunSnapshot"/>, so a run of 1,000 resources costs no more to draw than one of ten.
/// </summary>
internal sealed class LiveRunState(int planned, DateTimeOffset startedAt)
{
    /// <summary>How many finished resources a frame shows besides the failures: the newest ones.</summary>
    public const int RecentlyFinishedKept = 3;

    /// <summary>How many failures a frame names (the newest); the count covers the rest, the summary names them all.</summary>
    public const int FailuresShown = 5;

    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceAddress, Entry> _entries = [];
    private readonly LinkedList<Entry> _active = [];
    private readonly Queue<LiveRow> _recent = new();
    private readonly List<LiveRow> _failures = [];
    private int _done;
    private int _skipped;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public void Report(ApplyEvent e)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(e.Address, out var entry))
            {
                entry = new Entry(e.Address, e.At);
                _entries.Add(e.Address, entry);
            }

            switch (e.Kind)
            {
                case ApplyEventKind.Started:
                case ApplyEventKind.Applied:
                    Activate(entry, LiveRowState.Running, e.Message);
                    break;
                case ApplyEventKind.Waiting:
                    Activate(entry, LiveRowState.Waiting, e.Message);
                    break;
                case ApplyEventKind.Ready:
                case ApplyEventKind.Deleted:
                case ApplyEventKind.Released:
                    _done++;
                    Finish(entry, LiveRowState.Done, e.Message.Length > 0 ? e.Message : e.Kind.ToString(), e.At);
                    break;
                case ApplyEventKind.Failed:
                    Finish(entry, LiveRowState.Failed, e.Message, e.At);
                    break;
                case ApplyEventKind.Skipped:
                    _skipped++;
                    Finish(entry, LiveRowState.Skipped, e.Message, e.At);
                    break;
            }
        }
    }

    /// <summary>A line a build or push printed: it stands in for the resource's status until the next event.</summary>
    public void Output(ResourceAddress address, string line)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(address, out var entry) && entry.Node is not null)
            {
                entry.Output = line;
            }
        }
    }

    /// <param name="activeShown">How many running or waiting resources the frame has room for (the oldest first).</param>
    public LiveRunSnapshot Snapshot(DateTimeOffset now, int activeShown)
    {
        lock (_gate)
        {
            var active = new List<LiveRow>(Math.Min(activeShown, _active.Count));
            for (var node = _active.First; node is not null && active.Count < activeShown; node = node.Next)
            {
                active.Add(node.Value.Row(now));
            }

            var finished = _done + _failures.Count + _skipped;
            return new LiveRunSnapshot(
                now - StartedAt,
                _done,
                _failures.Count,
                _skipped,
                _active.Count,
                Math.Max(0, planned - finished - _active.Count),
                active,
                [.. _recent],
                _failures[Math.Max(0, _failures.Count - FailuresShown)..]);
        }
    }

    private void Activate(Entry entry, LiveRowState state, string message)
    {
        entry.State = state;
        entry.Text = message;
        entry.Output = null;
        entry.Node ??= _active.AddLast(entry);
    }

    private void Finish(Entry entry, LiveRowState state, string message, DateTimeOffset at)
    {
        if (entry.Node is not null)
        {
            _active.Remove(entry.Node);
            entry.Node = null;
        }

        entry.State = state;
        entry.Text = message;
        entry.Output = null;
        var row = entry.Row(at);
        if (state == LiveRowState.Failed)
        {
            _failures.Add(row);
            return;
        }

        _recent.Enqueue(row);
        while (_recent.Count > RecentlyFinishedKept)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>One resource's mutable record; only the snapshot's rows leave the lock.</summary>
    private sealed class Entry(ResourceAddress address, DateTimeOffset startedAt)
    {
        public LiveRowState State { get; set; }

        public string Text { get; set; } = string.Empty;

        public string? Output { get; set; }

        public LinkedListNode<Entry>? Node { get; set; }

        public LiveRow Row(DateTimeOffset until) => new(address, State, Output ?? Text, until - startedAt);
    }
}

/// <summary>Where a resource is in the run, as the live view names it.</summary>
internal enum LiveRowState
{
    Running,
    Waiting,
    Done,
    Failed,
    Skipped,
}

/// <summary>One resource in a frame: its state, what it is doing or how it ended, and for how long.</summary>
internal sealed record LiveRow(ResourceAddress Address, LiveRowState State, string Text, TimeSpan Elapsed);

/// <summary>What one frame draws: the counts of the whole run and a bounded number of rows.</summary>
internal sealed record LiveRunSnapshot(
    TimeSpan Elapsed,
    int Done,
    int Failed,
    int Skipped,
    int Active,
    int Pending,
    IReadOnlyList<LiveRow> ActiveRows,
    IReadOnlyList<LiveRow> RecentlyFinished,
    IReadOnlyList<LiveRow> Failures);
