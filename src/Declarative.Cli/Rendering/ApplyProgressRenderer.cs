using System.Globalization;
using Declarative.Core.Execution;
using Declarative.Core.State;

namespace Declarative.Cli.Rendering;

/// <summary>Apply progress as plain timestamped lines, and the closing summary.</summary>
public static class ApplyProgressRenderer
{
    /// <summary>"12:00:01 Deployment.apps/shop/web: Updating"; failures and skips are spelled out.</summary>
    public static string Line(ApplyEvent e) => string.Create(
        CultureInfo.InvariantCulture,
        $"{e.At.UtcDateTime:HH:mm:ss} {e.Address}: {Text(e)}");

    /// <summary>A line a build or push printed: "12:00:01 Image.docker.declarative.dev/web: | Step 2/6 : COPY . .".</summary>
    public static string OutputLine(Declarative.Core.Providers.ResourceAddress address, string line, DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"{at.UtcDateTime:HH:mm:ss} {address}: | {line}");

    private static string Text(ApplyEvent e) => e.Kind switch
    {
        ApplyEventKind.Failed or ApplyEventKind.Skipped or ApplyEventKind.Waiting => $"{Verb(e.Kind)} {e.Message}".TrimEnd(),
        _ when e.Message.Length > 0 => e.Message,
        _ => Verb(e.Kind),
    };

    /// <param name="run">What ran, as the summary names it: "Apply", "Rollback", "Destroy".</param>
    /// <param name="interrupted">A signal cut the run short ("Apply interrupted: ...").</param>
    public static string Summary(ApplyResult result, Revision revision, string run = "Apply", bool interrupted = false)
    {
        var applied = result.Outcomes.Count(o => o.Kind == OutcomeKind.Applied);
        var deleted = result.Outcomes.Count(o => o.Kind == OutcomeKind.Deleted);
        var released = result.Outcomes.Count(o => o.Kind == OutcomeKind.Released);
        var failed = result.Outcomes.Where(o => o.Kind == OutcomeKind.Failed).ToList();
        var skipped = result.Outcomes.Count(o => o.Kind == OutcomeKind.Skipped);
        var text = string.Create(CultureInfo.InvariantCulture, $"{applied} applied, {deleted} deleted, {(released > 0 ? $"{released} released, " : string.Empty)}{failed.Count} failed, {skipped} skipped. Revision {revision.Number} {revision.Status.ToString().ToLowerInvariant()}.");
        var ended = interrupted ? "interrupted" : failed.Count == 0 ? "complete" : "failed";
        if (failed.Count == 0)
        {
            return $"\n{run} {ended}: {text}";
        }

        var reasons = failed.Select(f => $"  {f.Address}: {f.Error}" + string.Concat(f.Evidence.Select(e => $"\n      {e}")));
        return $"\n{run} {ended}: {text}\n{string.Join("\n", reasons)}";
    }

    private static string Verb(ApplyEventKind kind) => kind switch
    {
        ApplyEventKind.Started => "applying",
        ApplyEventKind.Applied => "applied",
        ApplyEventKind.Waiting => "waiting:",
        ApplyEventKind.Ready => "ready",
        ApplyEventKind.Deleted => "deleted",
        ApplyEventKind.Released => "released",
        ApplyEventKind.Failed => "FAILED:",
        ApplyEventKind.Skipped => "skipped:",
        _ => kind.ToString(),
    };
}
