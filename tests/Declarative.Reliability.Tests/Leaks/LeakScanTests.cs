using System.Text.Json.Nodes;
using Declarative.Cli.Tests;
using Declarative.Reliability.Tests.Cluster;

namespace Declarative.Reliability.Tests.Leaks;

/// <summary>
/// Issue 17, part 5: the 50-object project's Secrets hold known values; decl applies, plans (text, JSON, markdown,
/// saved), applies the saved plan, rolls back, prints history, state, drift, render and the graph, and fails (a Secret
/// write the server refuses, a rollout that never becomes ready), with --verbose where it exists. Every output and
/// every file under the state folder is scanned: 0 occurrences of a value in clear or base64. State files are 0600,
/// state folders 0700, the saved plan 0600.
/// </summary>
public sealed class LeakScanTests
{
    private const string ChangedValue = RelProject.SecretValue + "-03-rotated";

    private readonly ReliabilitySettings settings = ReliabilitySettings.FromEnvironment();

    [Fact]
    public async Task No_secret_value_in_any_output_or_state_file_and_state_files_are_private()
    {
        await using var cluster = await RelCluster.StartAsync(timeScale: 0.005);
        var secrets = Enumerable.Range(1, 8).Select(i => $"{RelProject.SecretValue}-{i:00}").Append(ChangedValue).ToList();
        var scan = new SecretScan(secrets);
        var steps = new List<string>();

        async Task<CliResult> Step(string name, int expectedExit, params string[] args)
        {
            var result = await cluster.RunAsync(args);
            scan.Text(name, result.All);
            steps.Add($"{name}: exit {result.ExitCode}");
            Assert.True(result.ExitCode == expectedExit, $"{name}: exit code {result.ExitCode}, expected {expectedExit}\n{result.All}");
            return result;
        }

        await Step("apply", 0, "apply", "--auto-approve", "--verbose");
        cluster.Dir.Write("rel/manifests/secret-03.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-03\n  namespace: {RelProject.Namespace}\nstringData:\n  password: {ChangedValue}\n");
        await Step("plan", 2, "plan", "--detailed-exitcode", "--verbose");
        await Step("plan -o json", 0, "plan", "-o", "json");
        await Step("plan -o markdown", 0, "plan", "-o", "markdown");
        var planFile = cluster.Dir.PathOf("rel.plan");
        await Step("plan --out", 0, "plan", "--out", planFile);
        await Step("render", 0, "render");
        await Step("graph", 0, "graph");
        var applySaved = await CliRunner.RunAsync(cluster.Dir.Root, cluster.Environment, ["apply", planFile, "--auto-approve", "--kubeconfig", cluster.Dir.PathOf("kubeconfig")]).WaitAsync(RelCluster.RunTimeout);
        scan.Text("apply of the saved plan", applySaved.All);
        Assert.True(applySaved.ExitCode == 0, applySaved.All);
        await Step("history", 0, "history");
        await Step("history -o json", 0, "history", "-o", "json");
        await Step("state list", 0, "state", "list");
        await Step("state show", 0, "state", "show");
        await Step("drift", 0, "drift", "-o", "json");
        await Step("rollback", 0, "rollback", "--auto-approve", "--verbose");

        // A Secret write the server refuses.
        cluster.Dir.Write("rel/manifests/secret-03.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-03\n  namespace: {RelProject.Namespace}\nstringData:\n  password: {ChangedValue}\n");
        cluster.Host.State.Faults.RejectWrites = true;
        await Step("apply refused by the server", 1, "apply", "--auto-approve", "--verbose");
        cluster.Host.State.Faults.RejectWrites = false;

        // A rollout that never becomes ready, with the changed Secret in the same run.
        cluster.Dir.Write("rel/manifests/web-01.yaml", File.ReadAllText(cluster.Dir.PathOf("rel/manifests/web-01.yaml")).Replace("image: nginx:1.27", "image: nginx:fail", StringComparison.Ordinal).Replace("  replicas: 1\n", "  replicas: 1\n  progressDeadlineSeconds: 60\n", StringComparison.Ordinal));
        await Step("apply with a failing rollout", 1, "apply", "--auto-approve", "--verbose", "--timeout", "60s");
        await Step("history after failures", 0, "history");

        scan.Folder("state", cluster.Dir.PathOf("state"));
        scan.Text("saved plan", File.ReadAllText(planFile));

        // The scan can see a value: render --show-secrets prints them on purpose.
        var shown = await cluster.RunAsync("render", "--show-secrets");
        var control = new SecretScan(secrets);
        control.Text("render --show-secrets", shown.All);
        Assert.NotEmpty(control.Hits);

        var modes = WrongModes(cluster.Dir.PathOf("state")).Concat(WrongMode(planFile, UnixFileMode.UserRead | UnixFileMode.UserWrite)).ToList();
        var failures = scan.Hits.Concat(modes).ToList();
        SuiteResults.Write(settings, "leaks", "secret values in outputs and state files; file modes", scan.Scanned, scan.Scanned - scan.Hits.Count, failures, new JsonObject
        {
            ["secretValues"] = secrets.Count,
            ["outputsAndFilesScanned"] = scan.Scanned,
            ["occurrences"] = scan.Hits.Count,
            ["wrongModes"] = modes.Count,
            ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)JsonValue.Create(s))]),
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> WrongModes(string stateRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(stateRoot, "*", SearchOption.AllDirectories).Prepend(stateRoot))
        {
            foreach (var wrong in WrongMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute))
            {
                yield return wrong;
            }
        }

        foreach (var file in Directory.EnumerateFiles(stateRoot, "*", SearchOption.AllDirectories))
        {
            foreach (var wrong in WrongMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite))
            {
                yield return wrong;
            }
        }
    }

    private static IEnumerable<string> WrongMode(string path, UnixFileMode expected)
    {
        if (OperatingSystem.IsWindows())
        {
            yield break;
        }

        var mode = File.GetUnixFileMode(path);
        if (mode != expected)
        {
            yield return $"{path}: mode {Convert.ToString((int)mode, 8)}, expected {Convert.ToString((int)expected, 8)}";
        }
    }
}
