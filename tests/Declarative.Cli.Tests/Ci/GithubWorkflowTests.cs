using System.Text;
using System.Text.RegularExpressions;
using Declarative.Testing;
using YamlDotNet.RepresentationModel;

namespace Declarative.Cli.Tests.Ci;

/// <summary>
/// examples/ci/github-actions.yml, the workflow users copy (docs/ci.md): its syntax (valid YAML, what GitHub requires
/// of every job and step, values reach scripts through env only, every secret documented), which job each event
/// runs, and its commands run as a script against the API double with real decl processes: on a pull request the plan
/// is posted as one comment and updated in place, on main the apply converges with the history in the cluster, and the
/// scheduled drift job passes, then fails with exit 2 once an object is edited by hand.
/// </summary>
public sealed partial class GithubWorkflowTests
{
    private const string Environment = "prod";
    private const int CommentLimit = 65_536;

    private static string WorkflowPath => Path.Combine(TestPaths.Examples, "ci", "github-actions.yml");

    private static string CiDoc => Path.Combine(TestPaths.RepositoryRoot, "docs", "ci.md");

    [Fact]
    public void The_workflow_is_valid_github_actions_syntax_and_every_secret_it_reads_is_documented()
    {
        var workflow = GithubWorkflow.Load(WorkflowPath);
        var text = File.ReadAllText(WorkflowPath);

        Assert.True(workflow.Root.Children.ContainsKey(new YamlScalarNode("on")), "GitHub needs 'on'.");
        var triggers = (YamlMappingNode)workflow.Root.Children[new YamlScalarNode("on")];
        Assert.Equal(["pull_request", "push", "schedule", "workflow_dispatch"], triggers.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.NotEmpty(workflow.Jobs.Children);
        foreach (var (id, node) in workflow.Jobs.Children)
        {
            var job = (YamlMappingNode)node;
            Assert.True(job.Children.ContainsKey(new YamlScalarNode("runs-on")), $"Job {id} has no runs-on.");
            var steps = Assert.IsType<YamlSequenceNode>(job.Children[new YamlScalarNode("steps")]);
            Assert.NotEmpty(steps.Children);
            foreach (var step in steps.Children.Cast<YamlMappingNode>())
            {
                var kinds = new[] { "uses", "run" }.Count(k => step.Children.ContainsKey(new YamlScalarNode(k)));
                Assert.True(kinds == 1, $"A step of job {id} must have either uses or run: {step}");
                if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run))
                {
                    // Expressions are expanded into the script before it runs: a pull request's text there is script injection.
                    Assert.DoesNotContain("${{", ((YamlScalarNode)run).Value, StringComparison.Ordinal);
                }
            }
        }

        var secrets = GithubWorkflow.Expressions(text).Select(e => SecretName().Match(e)).Where(m => m.Success).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.Equal(["DECLARATIVE_STATE_KEY", "KUBECONFIG"], secrets.Order(StringComparer.Ordinal));
        var doc = File.ReadAllText(CiDoc);
        Assert.All(secrets, secret => Assert.Contains($"`{secret}`", doc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pull_request", "refs/pull/7/merge", "plan")]
    [InlineData("push", "refs/heads/main", "apply")]
    [InlineData("push", "refs/heads/feature", null)]
    [InlineData("schedule", "refs/heads/main", "drift")]
    [InlineData("workflow_dispatch", "refs/heads/main", "drift")]
    public void Each_event_runs_its_one_job(string eventName, string gitRef, string? job)
    {
        var jobs = GithubWorkflow.Load(WorkflowPath).JobsFor(eventName, gitRef);

        Assert.Equal(job is null ? [] : [job], jobs);
    }

    [Fact]
    public async Task The_workflow_commands_comment_the_plan_apply_on_main_and_fail_the_scheduled_job_on_drift()
    {
        await using var shop = await ShopCluster.StartAsync(new Dictionary<string, string>
        {
            ["shop/declarative.yaml"] = $"apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {{name: shop}}\nspec:\n  values: values.yaml\n  state: {{ backend: kubernetes }}\n  environments:\n    {Environment}: {{kubernetes: {{namespace: shop-dev}}}}\n",
        });
        var workflow = GithubWorkflow.Load(WorkflowPath);
        Assert.Equal(Environment, ((YamlScalarNode)((YamlMappingNode)workflow.Root.Children[new YamlScalarNode("env")]).Children[new YamlScalarNode("DECL_ENV")]).Value);
        var runner = new WorkflowRunner(workflow, shop.Dir.PathOf("shop"), Directory.CreateDirectory(shop.Dir.PathOf("runner")).FullName, new Dictionary<string, string>
        {
            ["secrets.KUBECONFIG"] = await File.ReadAllTextAsync(shop.Dir.PathOf("kubeconfig")),
            ["secrets.DECLARATIVE_STATE_KEY"] = shop.Environment["DECLARATIVE_STATE_KEY"],
            ["github.token"] = "ghs_test-token",
            ["github.event.pull_request.number"] = "7",
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var proposed = await RunAsync(runner, workflow, "pull_request", "refs/pull/7/merge", limit.Token);
        var comment = await File.ReadAllTextAsync(Path.Combine(runner.GhFolder, "comment.md"), limit.Token);
        Assert.True(proposed.Succeeded, proposed.Transcript);
        Assert.StartsWith($"<!-- declarative plan: {Environment} -->\n### Declarative plan for `shop` / `{Environment}`\n", comment, StringComparison.Ordinal);
        Assert.Contains("Deployment.apps/shop-dev/web", comment, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopCluster.SecretValue, comment, StringComparison.Ordinal);
        Assert.InRange(comment.Length, 1, CommentLimit);
        var calls = await CallsAsync(runner);
        Assert.Matches("(?m)^api --method POST repos/acme/shop/issues/7/comments -F body=@", calls);
        Assert.DoesNotContain("PATCH", calls, StringComparison.Ordinal);

        var applied = await RunAsync(runner, workflow, "push", "refs/heads/main", limit.Token);
        Assert.True(applied.Succeeded, applied.Transcript);
        Assert.Contains("Apply complete:", applied.Step("Apply").Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await DeploymentAsync(shop))["spec"]!["replicas"]!.GetValue<int>());
        Assert.Single(await RevisionHeadsAsync(shop));
        Assert.False(Directory.Exists(shop.Dir.PathOf("shop/.declarative/state")), "the history was written on the runner's disk");

        var again = await RunAsync(runner, workflow, "pull_request", "refs/pull/7/merge", limit.Token);
        Assert.True(again.Succeeded, again.Transcript);
        Assert.Contains("No changes.", await File.ReadAllTextAsync(Path.Combine(runner.GhFolder, "comment.md"), limit.Token), StringComparison.Ordinal);
        Assert.Matches("(?m)^api --method PATCH repos/acme/shop/issues/comments/4242 -F body=@", await CallsAsync(runner));

        var clean = await RunAsync(runner, workflow, "schedule", "refs/heads/main", limit.Token);
        Assert.True(clean.Succeeded, clean.Transcript);

        await ScaleByHandAsync(shop, 5);
        var drifted = await RunAsync(runner, workflow, "schedule", "refs/heads/main", limit.Token);
        Assert.False(drifted.Succeeded, drifted.Transcript);
        Assert.Equal(2, drifted.Step("Drift").ExitCode);
        Assert.Contains("`spec.replicas`: `2` → `5`", await File.ReadAllTextAsync(runner.Summary, limit.Token), StringComparison.Ordinal);
    }

    private static async Task<JobResult> RunAsync(WorkflowRunner runner, GithubWorkflow workflow, string eventName, string gitRef, CancellationToken cancellationToken) =>
        await runner.RunJobAsync(Assert.Single(workflow.JobsFor(eventName, gitRef)), eventName, cancellationToken);

    private static async Task<string> CallsAsync(WorkflowRunner runner) => await File.ReadAllTextAsync(Path.Combine(runner.GhFolder, "calls"));

    private static async Task<System.Text.Json.Nodes.JsonNode> DeploymentAsync(ShopCluster shop)
    {
        using var client = shop.Host.CreateClient();
        return System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/web", UriKind.Relative)))!;
    }

    private static async Task<System.Text.Json.Nodes.JsonArray> RevisionHeadsAsync(ShopCluster shop)
    {
        using var client = shop.Host.CreateClient();
        var selector = Uri.EscapeDataString("declarative.dev/state=revision,declarative.dev/project=shop");
        return System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/namespaces/declarative-system/secrets?labelSelector={selector}", UriKind.Relative)))!["items"]!.AsArray();
    }

    /// <summary>What `kubectl scale deployment web --replicas=N` does: a change no apply made.</summary>
    private static async Task ScaleByHandAsync(ShopCluster shop, int replicas)
    {
        using var client = shop.Host.CreateClient();
        using var patch = new StringContent($"{{\"spec\":{{\"replicas\":{replicas}}}}}", Encoding.UTF8, "application/merge-patch+json");
        using var response = await client.PatchAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/web?fieldManager=kubectl", UriKind.Relative), patch);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"^secrets\.(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex SecretName();
}
