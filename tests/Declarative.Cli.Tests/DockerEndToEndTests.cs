using System.Net;
using System.Net.Sockets;
using Declarative.Testing;
using Declarative.Testing.Docker;

namespace Declarative.Cli.Tests;

/// <summary>plan and apply of Docker documents end to end: the real CLI, the Docker provider and the real engine,
/// with `docker` itself as the witness.</summary>
public sealed class DockerEndToEndTests : IAsyncLifetime
{
    private readonly string _suffix = TestImages.UniqueName("e2e");
    private readonly int _port = FreePort();
    private readonly int _pagePort = FreePort();
    private TempDirectory _dir = null!;

    private string Environment => "local";

    private string Web => $"web-{_suffix}";

    private Dictionary<string, string> Variables => new()
    {
        ["DECLARATIVE_STATE_DIR"] = _dir.PathOf("state"),
        ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["DOCKER_HOST"] = DockerTestServices.Current.DockerHost,
        ["USER"] = "tester",
    };

    public async Task InitializeAsync()
    {
        if (DockerTestServices.Current.IsAvailable)
        {
            await TestImages.EnsureBusyboxImageAsync(CancellationToken.None);
        }

        _dir = new TempDirectory(new Dictionary<string, string>
        {
            ["site/declarative.yaml"] = $"apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {{name: site-{_suffix}}}\nspec:\n  values: values.yaml\n  environments:\n    {Environment}: {{}}\n",
            ["site/values.yaml"] = "greeting: hello\n",
            ["site/manifests/web.yaml"] = $$"""
                apiVersion: docker.declarative.dev/v1
                kind: Network
                metadata: {name: net-{{_suffix}}}
                ---
                apiVersion: docker.declarative.dev/v1
                kind: Volume
                metadata: {name: logs-{{_suffix}}}
                ---
                apiVersion: docker.declarative.dev/v1
                kind: Container
                metadata: {name: {{Web}}}
                spec:
                  image: {{TestImages.BusyboxImage}}
                  command: httpd -f -p 8080 -h /www
                  env: {GREETING: "{{"{{"}}values.greeting{{"}}"}}"}
                  ports: ["127.0.0.1:{{_port}}:8080"]
                  volumes: ["./www:/www:ro", "logs-{{_suffix}}:/logs"]
                  networks: [net-{{_suffix}}]
                  restart: unless-stopped
                  stopTimeout: 1

                """,
            ["site/manifests/www/index.html"] = "You've hit the site\n",
        });
    }

    public async Task DisposeAsync()
    {
        if (!DockerTestServices.Current.IsAvailable)
        {
            _dir.Dispose();
            return;
        }

        var ids = await DockerCli.RunAsync(["ps", "-aq", "--filter", $"label=declarative.dev/project=site-{_suffix}"], CancellationToken.None);
        foreach (var id in ids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await DockerCli.RunAsync(["rm", "-f", id], CancellationToken.None);
        }

        await DockerCli.RunAsync(["volume", "rm", $"logs-{_suffix}"], CancellationToken.None);
        await DockerCli.RunAsync(["network", "rm", $"net-{_suffix}"], CancellationToken.None);
        _dir.Dispose();
    }

    [DockerFact]
    public async Task Apply_runs_the_container_then_plan_has_no_changes_and_a_changed_value_plans_a_replace()
    {
        var apply = await Decl("apply", "site", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.", apply.Stdout, StringComparison.Ordinal);
        using (var http = new HttpClient())
        {
            Assert.Equal("You've hit the site\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/")));
        }

        var again = await Decl("plan", "site", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("No changes.", again.Stdout, StringComparison.Ordinal);

        var changed = await Decl("plan", "site", "--set", "greeting=bonjour", "--detailed-exitcode");
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains($"-/+ replace Container.docker.declarative.dev/{Web}", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("# forces replacement: a container cannot be changed in place (spec.env.GREETING changed)", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ spec.env.GREETING: \"hello\" -> \"bonjour\"", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 0 to update, 1 to replace, 0 to delete.", changed.Stdout, StringComparison.Ordinal);

        var replaced = await Decl("apply", "site", "--set", "greeting=bonjour", "--auto-approve");
        Assert.True(replaced.ExitCode == 0, replaced.All);
        var env = await DockerCli.RunAsync(["inspect", "--format", "{{json .Config.Env}}", Web], CancellationToken.None);
        Assert.Contains("GREETING=bonjour", env.StandardOutput, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_container_removed_by_hand_is_drift_in_the_plan_and_apply_brings_it_back()
    {
        Assert.Equal(0, (await Decl("apply", "site", "--auto-approve")).ExitCode);
        Assert.Equal(0, (await DockerCli.RunAsync(["rm", "-f", Web], CancellationToken.None)).ExitCode);

        var plan = await Decl("plan", "site", "--detailed-exitcode");

        Assert.Equal(2, plan.ExitCode);
        Assert.Contains($"+ create Container.docker.declarative.dev/{Web}", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ status.state: \"missing\" -> \"running\" # (drift: changed outside Declarative)", plan.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await Decl("apply", "site", "--auto-approve")).ExitCode);
        Assert.Equal("running", (await DockerCli.RunAsync(["inspect", "--format", "{{.State.Status}}", Web], CancellationToken.None)).StandardOutput.Trim());
    }

    [DockerFact]
    public async Task A_container_that_exits_at_once_fails_the_apply_with_its_log_line_and_the_revision_records_the_engine()
    {
        File.WriteAllText(_dir.PathOf("site/manifests/crash.yaml"), $"apiVersion: docker.declarative.dev/v1\nkind: Container\nmetadata: {{name: crash-{_suffix}}}\nspec:\n  image: {TestImages.BusyboxImage}\n  command: [sh, -c, 'echo cannot open /etc/app.conf >&2; exit 4']\n");

        var apply = await Decl("apply", "site", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains($"Container crash-{_suffix} exited with code 4 right after it started.", apply.All, StringComparison.Ordinal);
        Assert.Contains("cannot open /etc/app.conf", apply.All, StringComparison.Ordinal);
        var revision = Directory.GetFiles(_dir.PathOf("state"), "revision-*.json", SearchOption.AllDirectories).Single();
        Assert.Contains(DockerTestServices.Current.DockerHost, File.ReadAllText(revision), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_one_error_naming_its_address()
    {
        var variables = Variables;
        variables["DOCKER_HOST"] = "unix:///nonexistent/docker.sock";

        var plan = await CliRunner.RunAsync(_dir.Root, variables, "plan", "site");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("DCL402", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("unix:///nonexistent/docker.sock", plan.Stderr, StringComparison.Ordinal);
        Assert.Empty(plan.Stdout);
    }

    [DockerFact]
    public async Task The_local_environment_of_the_kubia_example_plans_with_the_image_known_after_apply()
    {
        var variables = Variables;

        var plan = await CliRunner.RunAsync(TestPaths.RepositoryRoot, variables, "plan", "examples/kubia", "--env", "local", "--detailed-exitcode");

        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Contains("+ build Image.docker.declarative.dev/kubia", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ create Container.docker.declarative.dev/kubia-container", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ spec.image: (known after apply)", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DCL302", plan.All, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Rollback_runs_the_previous_image_again_without_building_it()
    {
        _dir.Write("site/manifests/image.yaml", $"apiVersion: docker.declarative.dev/v1\nkind: Image\nmetadata: {{name: page}}\nspec:\n  context: ../page\n---\napiVersion: docker.declarative.dev/v1\nkind: Container\nmetadata: {{name: page-{_suffix}}}\nspec:\n  image: ${{image:page}}\n  command: httpd -f -p 8080 -h /www\n  ports: [\"127.0.0.1:{_pagePort}:8080\"]\n  stopTimeout: 1\n");
        _dir.Write("site/page/Dockerfile", $"FROM {TestImages.BusyboxImage}\nCOPY index.html /www/index.html\n");
        _dir.Write("site/page/index.html", "first\n");
        Assert.Equal(0, (await Decl("apply", "site", "--auto-approve")).ExitCode);
        _dir.Write("site/page/index.html", "second\n");
        var second = await Decl("apply", "site", "--auto-approve");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("+ build Image.docker.declarative.dev/page", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("second\n", await PageAsync());
        _dir.Write("site/page/index.html", "third, never built\n");

        var rollback = await Decl("rollback", "site", "--auto-approve");

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Contains($"-/+ replace Container.docker.declarative.dev/page-{_suffix}", rollback.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("build Image", rollback.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1/", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal("first\n", await PageAsync());
        await DockerCli.RunAsync(["rmi", "-f", .. (await DockerCli.RunAsync(["images", "-q", $"site-{_suffix}-page"], CancellationToken.None)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)], CancellationToken.None);
    }

    private async Task<string> PageAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{_pagePort}/"));
    }

    private Task<CliResult> Decl(params string[] args) => CliRunner.RunAsync(_dir.Root, Variables, args);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
