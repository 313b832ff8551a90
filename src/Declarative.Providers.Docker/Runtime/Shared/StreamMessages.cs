using System.Text;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Collects what a build or push stream says. The engine reports failures inside an HTTP 200 stream
/// (<see cref="JSONMessage.Error"/>), which the library does not turn into exceptions, so the caller checks
/// <see cref="Error"/> afterwards. Receives messages synchronously, in order, on the reading thread.
/// </summary>
internal sealed partial class StreamMessages(Action<string>? output, int keepLines) : IProgress<JSONMessage>
{
    private readonly Lock gate = new();
    private readonly Queue<string> lastLines = new();
    private readonly StringBuilder partial = new();

    public string? Error { get; private set; }

    /// <summary>The pushed manifest's digest ("latest: digest: sha256:... size: 528").</summary>
    public string? Digest { get; private set; }

    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (gate)
            {
                return [.. lastLines];
            }
        }
    }

    public void Report(JSONMessage value)
    {
        lock (gate)
        {
            if (value.Error?.Message is { Length: > 0 } error)
            {
                Error ??= error.Trim();
            }

            if (value.Stream is { Length: > 0 } stream)
            {
                partial.Append(stream);
                var text = partial.ToString();
                var end = text.LastIndexOf('\n');
                if (end >= 0)
                {
                    foreach (var line in text[..end].Split('\n'))
                    {
                        Keep(line.TrimEnd('\r'));
                    }

                    partial.Clear().Append(text[(end + 1)..]);
                }
            }

            if (value.Status is { Length: > 0 } status)
            {
                if (DigestLine().Match(status) is { Success: true } match)
                {
                    Digest = match.Groups[1].Value;
                }

                // Layer progress ("Pushing 12MB/40MB") repeats per layer; the summary lines are what a user reads.
                if (value.Progress is null)
                {
                    Keep(string.IsNullOrEmpty(value.ID) ? status : $"{value.ID}: {status}");
                }
            }
        }
    }

    private void Keep(string text)
    {
        // The classic builder wraps what a RUN step writes to stderr in colour codes (ESC[91m ... ESC[0m), which
        // would reach logs, CI output and error messages as control characters.
        var line = TerminalEscape().Replace(text, string.Empty);
        if (line.Length == 0)
        {
            return;
        }

        output?.Invoke(line);
        lastLines.Enqueue(line);
        while (lastLines.Count > keepLines)
        {
            lastLines.Dequeue();
        }
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex DigestLine();

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex TerminalEscape();
}
