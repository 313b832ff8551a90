using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Cli.Tests;
using Declarative.Cli.Tests.Processes;
using Declarative.Reliability.Tests.Cluster;

namespace Declarative.Reliability.Tests.State;

/// <summary>
/// Issue 17, part 6: a local state folder damaged the ways disks, editors and other machines damage it. A truncated or
/// edited revision file is a DCL5xx error naming the file and the way out, never a silently shorter history; a
/// journal's torn last record is dropped and the records before it recovered; a broken record in the middle is an
/// error naming the journal; a lock record left by another host does not block the next run.
/// </summary>
public sealed partial class CorruptStateTests
{
    private readonly ReliabilitySettings settings = ReliabilitySettings.FromEnvironment();

    [Theory]
    [InlineData("truncated revision file")]
    [InlineData("revision file of a newer format")]
    [InlineData("revision file with an unknown status")]
    [InlineData("revision file that is not JSON")]
    public async Task A_damaged_revision_file_is_a_DCL5xx_error_naming_the_file(string damage)
    {
        await using var cluster = await RelCluster.StartAsync();
        Assert.Equal(0, (await cluster.RunAsync("apply", "--auto-approve")).ExitCode);
        var file = Path.Combine(cluster.StateFolder, "revision-000001.json");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, damage switch
        {
            "truncated revision file" => text[..(text.Length / 2)],
            "revision file of a newer format" => FormatVersion().Replace(text, "\"formatVersion\": 99"),
            "revision file with an unknown status" => DeployedStatus().Replace(text, "\"status\": \"shipped\""),
            _ => "\0\0\0\0",
        });
        Assert.NotEqual(text, await File.ReadAllTextAsync(file));

        var failures = new List<string>();
        foreach (var command in new[] { "history", "plan", "apply" })
        {
            var result = await cluster.RunAsync(command == "apply" ? ["apply", "--auto-approve"] : [command]);
            if (Problem(result, "revision-000001.json") is { } problem)
            {
                failures.Add($"decl {command}: {problem}\n{result.All}");
            }
        }

        SuiteResults.Write(settings, $"corrupt-state-{damage.Replace(' ', '-')}", damage, 1, failures.Count == 0 ? 1 : 0, failures);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task A_torn_journal_tail_is_recovered_up_to_the_last_whole_record_and_the_next_apply_takes_over()
    {
        await using var cluster = await RelCluster.StartAsync();
        var journal = await KilledRunJournalAsync(cluster);
        var whole = (await File.ReadAllLinesAsync(journal)).Length;
        await File.AppendAllTextAsync(journal, "{\"applied\":{\"address\":\"ConfigMap/rel-dev/cm-2");

        var pending = (await cluster.HistoryAsync())[^1]!;
        var failures = new List<string>();
        if (pending["status"]!.GetValue<string>() != "pending" || pending["objects"]!.GetValue<int>() != whole)
        {
            failures.Add($"with a torn last line, the pending revision should hold the {whole} whole records: {pending.ToJsonString()}");
        }

        var apply = await cluster.RunAsync("apply", "--auto-approve");
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        if (apply.ExitCode != 0 || !apply.Stderr.Contains("marked failed", StringComparison.Ordinal) || plan.ExitCode != 0)
        {
            failures.Add($"the next apply should take over and converge:\n{apply.All}\n{plan.All}");
        }

        SuiteResults.Write(settings, "corrupt-state-torn-journal", "journal with a torn last record", 1, failures.Count == 0 ? 1 : 0, failures, new JsonObject { ["wholeRecords"] = whole });
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task A_broken_record_inside_the_journal_is_a_DCL5xx_error_naming_the_journal()
    {
        await using var cluster = await RelCluster.StartAsync();
        var journal = await KilledRunJournalAsync(cluster);
        var lines = (await File.ReadAllLinesAsync(journal)).ToList();
        lines.Insert(0, "{\"applied\": 42");
        await File.WriteAllLinesAsync(journal, lines);

        var result = await cluster.RunAsync("history");
        var failures = Problem(result, Path.GetFileName(journal)) is { } problem ? new List<string> { $"decl history: {problem}\n{result.All}" } : [];

        SuiteResults.Write(settings, "corrupt-state-broken-journal", "journal with a broken record before whole ones", 1, failures.Count == 0 ? 1 : 0, failures);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task A_lock_record_left_by_another_host_does_not_block_and_unlock_names_its_holder()
    {
        await using var cluster = await RelCluster.StartAsync();
        Assert.Equal(0, (await cluster.RunAsync("apply", "--auto-approve")).ExitCode);
        var record = Path.Combine(cluster.StateFolder, "lock.json");
        const string Stale = """{"formatVersion":1,"user":"bob","host":"build-agent-9","processId":4242,"started":"2026-01-01T10:00:00+00:00","command":"decl apply --env dev"}""";
        await File.WriteAllTextAsync(record, Stale);

        var failures = new List<string>();
        var unlock = await cluster.RunAsync("state", "unlock");
        if (unlock.ExitCode != 0 || !unlock.All.Contains("bob", StringComparison.Ordinal) || File.Exists(record))
        {
            failures.Add($"decl state unlock should remove bob's record from build-agent-9 and say so:\n{unlock.All}");
        }

        await File.WriteAllTextAsync(record, Stale);
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        var apply = await cluster.RunAsync("apply", "--auto-approve");
        if (plan.ExitCode != 0 || apply.ExitCode != 0)
        {
            failures.Add($"a stale lock record must not block plan or apply:\n{plan.All}\n{apply.All}");
        }

        SuiteResults.Write(settings, "corrupt-state-foreign-lock", "lock record left by another host", 1, failures.Count == 0 ? 1 : 0, failures);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>What is wrong with the answer to damaged state, or null: it must fail (exit 1) with a DCL5xx error that
    /// names the damaged file, and no stack trace.</summary>
    private static string? Problem(CliResult result, string file)
    {
        if (result.ExitCode != 1)
        {
            return $"exit code {result.ExitCode}, not 1";
        }

        if (!result.All.Contains("DCL5", StringComparison.Ordinal))
        {
            return "no DCL5xx error";
        }

        if (!result.All.Contains(file, StringComparison.Ordinal))
        {
            return $"the error does not name {file}";
        }

        return result.All.Contains("   at ", StringComparison.Ordinal) ? "a stack trace" : null;
    }

    /// <summary>Applies as a process, one request at a time and slowed down, and SIGKILLs it once a few objects were
    /// created: the revision stays pending with its journal. Returns the journal's path.</summary>
    private static async Task<string> KilledRunJournalAsync(RelCluster cluster)
    {
        cluster.Host.State.Faults.Latency = TimeSpan.FromMilliseconds(100);
        await using (var decl = cluster.Start("apply", "--auto-approve", "--parallelism", "1"))
        {
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, line => line.Contains("/cm-03", StringComparison.Ordinal) && line.EndsWith(": Created", StringComparison.Ordinal), "a third ConfigMap created", TimeSpan.FromSeconds(90));
            decl.KillHard();
            await decl.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        cluster.Host.State.Faults.Clear();
        var journal = Path.Combine(cluster.StateFolder, "revision-000001.journal.jsonl");
        Assert.True(File.Exists(journal), "the killed run left no journal");
        return journal;
    }

    [GeneratedRegex(@"""formatVersion""\s*:\s*1\b")]
    private static partial Regex FormatVersion();

    [GeneratedRegex(@"""status""\s*:\s*""deployed""")]
    private static partial Regex DeployedStatus();
}
