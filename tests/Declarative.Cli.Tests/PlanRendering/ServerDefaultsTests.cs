using System.Text.Json.Nodes;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>With <c>--verbose</c>, a create the server checked at plan time also shows what the server would fill in
/// (a Deployment's strategy, a container's imagePullPolicy, a Service's clusterIP), marked <c># (server default)</c>,
/// in text, markdown and <c>-o json</c>; without it the plan is as before.</summary>
public sealed class ServerDefaultsTests : IAsyncLifetime
{
    private const string Api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
              - name: api
                image: nginx:1.27
                ports:
                - containerPort: 8080
                readinessProbe:
                  httpGet: {port: 8080}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector: {app: api}
          ports:
          - port: 80
            targetPort: 8080

        """;

    private ShopCluster _shop = null!;

    public async Task InitializeAsync()
    {
        _shop = await ShopCluster.StartAsync();
        var apply = await _shop.Decl("apply", "shop", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/api.yaml"), Api);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Verbose_text_plan_shows_what_the_server_fills_in_on_a_create_marked_as_server_defaults()
    {
        var plan = await _shop.Decl("plan", "shop", "--verbose");

        Assert.True(plan.ExitCode == 0, plan.All);
        GoldenFile.Assert(plan.Stdout, "Golden/plan-server-defaults-verbose.txt");
    }

    [Fact]
    public async Task Verbose_markdown_plan_shows_the_server_defaults_too()
    {
        var plan = await _shop.Decl("plan", "shop", "-o", "markdown", "--verbose");

        Assert.True(plan.ExitCode == 0, plan.All);
        GoldenFile.Assert(plan.Stdout, "Golden/plan-server-defaults-verbose.md");
    }

    [Fact]
    public async Task A_saved_plan_keeps_them_for_apply_verbose()
    {
        var plan = await _shop.Decl("plan", "shop", "--out", "plan.out");
        var apply = await _shop.Decl("apply", "plan.out", "--verbose");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("      + spec.sessionAffinity: \"None\" # (server default)\n", apply.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_verbose_no_plan_view_shows_server_defaults()
    {
        var text = await _shop.Decl("plan", "shop");
        var full = await _shop.Decl("plan", "shop", "--full");
        var markdown = await _shop.Decl("plan", "shop", "-o", "markdown");
        var json = await _shop.Decl("plan", "shop", "-o", "json");

        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("+ spec.template.spec.containers[name=api].image: \"nginx:1.27\"", text.Stdout, StringComparison.Ordinal);
        foreach (var output in new[] { text.Stdout, full.Stdout, markdown.Stdout, json.Stdout })
        {
            Assert.DoesNotContain("server default", output, StringComparison.Ordinal);
            Assert.DoesNotContain("progressDeadlineSeconds", output, StringComparison.Ordinal);
            Assert.DoesNotContain("imagePullPolicy", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verbose_json_gives_each_resource_its_server_defaults_apart_from_its_diffs()
    {
        var json = await _shop.Decl("plan", "shop", "-o", "json", "--verbose");

        Assert.True(json.ExitCode == 0, json.All);
        var resources = JsonNode.Parse(json.Stdout)!["resources"]!.AsArray();
        var api = resources.Single(r => (string)r!["address"]! == "Deployment.apps/shop-dev/api")!;
        var filled = api["serverDefaults"]!.AsArray().ToDictionary(d => (string)d!["path"]!, d => d!["after"]?.ToJsonString());
        Assert.Equal("600", filled["spec.progressDeadlineSeconds"]);
        Assert.Equal("\"IfNotPresent\"", filled["spec.template.spec.containers[name=api].imagePullPolicy"]);
        Assert.Equal("\"25%\"", filled["spec.strategy.rollingUpdate.maxSurge"]);
        Assert.All(api["serverDefaults"]!.AsArray(), d => Assert.Equal("added", (string)d!["kind"]!));
        Assert.DoesNotContain(api["diffs"]!.AsArray(), d => (string)d!["path"]! == "spec.progressDeadlineSeconds");
        Assert.DoesNotContain(filled.Keys, path => path.StartsWith("status", StringComparison.Ordinal) || path.StartsWith("metadata.uid", StringComparison.Ordinal)
            || path.StartsWith("metadata.resourceVersion", StringComparison.Ordinal) || path.StartsWith("metadata.managedFields", StringComparison.Ordinal));
        var service = resources.Single(r => (string)r!["address"]! == "Service/shop-dev/api")!;
        Assert.Contains(service["serverDefaults"]!.AsArray(), d => (string)d!["path"]! == "spec.sessionAffinity" && (string)d["after"]! == "None");
        Assert.Empty(resources.Single(r => (string)r!["address"]! == "Deployment.apps/shop-dev/web")!["serverDefaults"]!.AsArray());
    }
}
