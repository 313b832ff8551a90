using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Cli.Tests.Processes;
using Declarative.Reliability.Tests.Cluster;

namespace Declarative.Reliability.Tests.Kill;

/// <summary>
/// Issue 17, part 1: `decl apply` of the 50-object <see cref="RelProject"/> as a real process, SIGKILLed at a seeded
/// random moment of its run (planning, applying, waiting or recording), then `decl apply` again. Every trial: the
/// second run reports the dead run's pending revision (when it left one) and converges, `decl plan` is then
/// "No changes.", the history loads with the newest revision deployed (or, when the dead run had left nothing to
/// change, its own revision failed: a known gap, counted), every object carrying the project's label is
/// in the project, and the double created no object twice. RELIABILITY_TRIALS trials (CI: 10).
/// </summary>
public sealed class KillTrialTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly ReliabilitySettings settings = ReliabilitySettings.FromEnvironment();

    [Fact]
    public async Task A_killed_apply_never_costs_an_object_a_duplicate_or_the_history()
    {
        var random = new Random(settings.Seed);
        var failures = new List<string>();
        var phases = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var takeovers = 0;
        var endedFailed = 0;
        for (var trial = 1; trial <= settings.Trials; trial++)
        {
            var moment = KillMoment.Draw(random);
            var outcome = await RunTrialAsync(moment);
            phases[outcome.Phase] = phases.GetValueOrDefault(outcome.Phase) + 1;
            takeovers += outcome.TookOver ? 1 : 0;
            endedFailed += outcome.HistoryEndsFailed ? 1 : 0;
            if (outcome.Failure is { } failure)
            {
                failures.Add($"trial {trial} (killed {moment}, {outcome.Phase}): {failure}");
            }
        }

        var details = new JsonObject
        {
            ["pendingRevisionsTakenOver"] = takeovers,
            ["historyEndsFailedAfterNoChanges"] = endedFailed,
            ["killedWhile"] = new JsonObject([.. phases.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        };
        SuiteResults.Write(settings, "kill-trials", "`decl apply` SIGKILLed at a random moment, then applied again", settings.Trials, settings.Trials - failures.Count, failures, details);
        Assert.True(failures.Count == 0, $"{failures.Count} of {settings.Trials} kill trials failed (seed {settings.Seed}):\n\n{string.Join("\n\n", failures)}");
    }

    private static async Task<TrialOutcome> RunTrialAsync(KillMoment moment)
    {
        await using var cluster = await RelCluster.StartAsync();
        string phase;
        await using (var decl = cluster.Start("apply", "--auto-approve"))
        {
            await moment.WaitAsync(decl);
            phase = Phase(decl.Stdout);
            decl.KillHard();
            await decl.WaitForExitAsync(ExitTimeout);
        }

        var before = await cluster.HistoryAsync();
        var pending = before.LastOrDefault(r => r!["status"]!.GetValue<string>() == "pending");
        var apply = await cluster.RunAsync("apply", "--auto-approve");
        var failure = await JudgeAsync(cluster, before, pending, apply);
        var endsFailed = failure is null && (await cluster.HistoryAsync())[^1]!["status"]!.GetValue<string>() == "failed";
        return new TrialOutcome(phase, pending is not null, endsFailed, failure);
    }

    private static async Task<string?> JudgeAsync(RelCluster cluster, JsonArray before, JsonNode? pending, Declarative.Cli.Tests.CliResult apply)
    {
        if (apply.ExitCode != 0)
        {
            return $"the next apply exited {apply.ExitCode}\n{apply.All}";
        }

        if (pending is not null)
        {
            var number = pending["revision"]!.GetValue<int>();
            var report = $"warning: Revision {number.ToString(CultureInfo.InvariantCulture)} ";
            if (!apply.Stderr.Split('\n').Any(l => l.StartsWith(report, StringComparison.Ordinal) && l.Contains("marked failed", StringComparison.Ordinal)))
            {
                return $"the dead run's pending revision {number} was not reported\n{apply.All}";
            }
        }

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        if (plan.ExitCode != 0 || !plan.Stdout.Contains("No changes.", StringComparison.Ordinal))
        {
            return $"plan after the second apply exited {plan.ExitCode}\n{plan.All}";
        }

        var history = await cluster.HistoryAsync();
        var statuses = history.Select(r => r!["status"]!.GetValue<string>()).ToList();

        // A run killed after its last change (while it waited or recorded) leaves nothing to change: the next apply
        // says "No changes." and writes no revision, so the history ends on the dead run's, marked failed. Known gap,
        // counted apart (docs/reliability.md "Defects found"): it needs a no-change apply that re-checks readiness.
        var endsFailedWithoutChanges = statuses[^1] == "failed" && apply.Stdout.Contains("No changes.", StringComparison.Ordinal);
        if ((statuses[^1] != "deployed" && !endsFailedWithoutChanges) || statuses.Contains("pending") || history.Count < before.Count)
        {
            return $"history after the second apply: {string.Join(", ", statuses)} (before it: {before.Count} revisions)";
        }

        var labelled = await cluster.LabelledObjectsAsync();
        var desired = RelProject.Desired();
        if (!labelled.SetEquals(desired))
        {
            return $"objects with the project's label: outside the project {string.Join(", ", labelled.Except(desired))}; missing {string.Join(", ", desired.Except(labelled))}";
        }

        var show = await cluster.RunAsync("state", "show");
        if (show.ExitCode != 0)
        {
            return $"decl state show exited {show.ExitCode}\n{show.All}";
        }

        return cluster.DuplicateCreates() is { Count: > 0 } duplicates ? $"created twice: {string.Join(", ", duplicates)}" : null;
    }

    /// <summary>Where the run was when it was killed, from what it had printed.</summary>
    private static string Phase(string stdout)
    {
        if (stdout.Contains("Apply complete", StringComparison.Ordinal) || stdout.Contains("Revision ", StringComparison.Ordinal))
        {
            return "recording or done";
        }

        if (stdout.Contains(": waiting", StringComparison.Ordinal))
        {
            return "applying and waiting";
        }

        if (stdout.Contains(": Created", StringComparison.Ordinal))
        {
            return "applying";
        }

        return "starting or planning";
    }

    private sealed record TrialOutcome(string Phase, bool TookOver, bool HistoryEndsFailed, string? Failure);
}
