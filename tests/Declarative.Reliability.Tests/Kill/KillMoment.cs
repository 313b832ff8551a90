using System.Globalization;
using Declarative.Cli.Tests.Processes;
using Declarative.Reliability.Tests.Cluster;

namespace Declarative.Reliability.Tests.Kill;

/// <summary>
/// When a trial kills the run, drawn from the seeded sequence and found by what the run prints rather than by a clock
/// (a busy machine stretches a run, and a fixed delay would then always land in planning): after a random delay
/// while starting and planning (20%), after the N-th object created (50%, N of 1..49), a moment after an object
/// starts waiting (15%), or as soon as the run prints its summary, while it records (15%).
/// </summary>
internal sealed record KillMoment(string Kind, int Count, TimeSpan Delay)
{
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(90);

    public static KillMoment Draw(Random random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.20 => new KillMoment("planning", 0, TimeSpan.FromMilliseconds(random.Next(100, 2_500))),
            < 0.70 => new KillMoment("applying", random.Next(1, RelProject.Objects), TimeSpan.FromMilliseconds(random.Next(0, 50))),
            < 0.85 => new KillMoment("waiting", random.Next(1, 7), TimeSpan.FromMilliseconds(random.Next(0, 300))),
            _ => new KillMoment("recording", 0, TimeSpan.Zero),
        };
    }

    /// <summary>Returns when the moment has come, or when the run ended first (then the kill finds it gone).</summary>
    public async Task WaitAsync(DeclProcess decl)
    {
        try
        {
            switch (Kind)
            {
                case "applying":
                    var created = 0;
                    await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, line => line.EndsWith(": Created", StringComparison.Ordinal) && ++created >= Count, $"the {Count}th object created", OutputTimeout);
                    break;
                case "waiting":
                    var waiting = 0;
                    await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, line => line.Contains(": waiting", StringComparison.Ordinal) && ++waiting >= Count, $"the {Count}th wait", OutputTimeout);
                    break;
                case "recording":
                    await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, line => line.StartsWith("Apply ", StringComparison.Ordinal), "the run's summary", OutputTimeout);
                    break;
            }
        }
        catch (Exception) when (decl.Stdout.Length > 0 && decl.Transcript.Contains("Revision ", StringComparison.Ordinal))
        {
            // The run finished before the moment came: nothing left to kill.
        }

        await Task.Delay(Delay);
    }

    public override string ToString() => Kind switch
    {
        "planning" => $"{Delay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms after the start",
        "applying" => $"after the {Count}th create",
        "waiting" => $"{Delay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms after the {Count}th wait began",
        _ => "at the summary",
    };
}
