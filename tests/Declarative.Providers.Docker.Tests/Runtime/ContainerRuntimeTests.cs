using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Testing.Docker;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>Containers on the real engine, through the provider seam: what `docker run`, `docker ps`, `docker inspect`
/// and `docker rm` show must match what the plan says.</summary>
public sealed class ContainerRuntimeTests
{
    [DockerFact]
    public async Task A_web_container_with_a_published_port_and_a_bind_mount_serves_HTTP_and_then_plans_no_changes()
    {
        var name = TestImages.UniqueName("web");
        await using var docker = await DockerRuntimeFixture.StartAsync([DockerRuntimeFixture.Address("Container", name)]);
        Directory.CreateDirectory(Path.Combine(docker.Folder, "www"));
        await File.WriteAllTextAsync(Path.Combine(docker.Folder, "www", "index.html"), "hello from a bind mount\n");
        var port = DockerRuntimeFixture.FreePort();
        var desired = docker.Desired("Container", name, WebSpec(port, greeting: "hi"));

        var (change, applied, wait) = await docker.ApplyAsync(desired, null);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.True(wait.Ready, wait.Reason);
        using var http = new HttpClient();
        Assert.Equal("hello from a bind mount\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"), DockerRuntimeFixture.Timeout));
        Assert.Contains($"{docker.Folder}/www:/www:ro", applied.Object["spec"]!["volumes"]!.ToJsonString(), StringComparison.Ordinal);

        var again = await docker.PlanAsync(desired, applied);
        Assert.Equal(ChangeAction.NoOp, again.Action);
        Assert.Empty(again.Diffs);
        Assert.Empty(again.DriftPaths);
    }

    [DockerFact]
    public async Task A_changed_env_var_plans_a_replace_naming_the_field_and_apply_replaces_the_container()
    {
        var name = TestImages.UniqueName("env");
        await using var docker = await DockerRuntimeFixture.StartAsync([DockerRuntimeFixture.Address("Container", name)]);
        var port = DockerRuntimeFixture.FreePort();
        var (_, first, _) = await docker.ApplyAsync(docker.Desired("Container", name, WebSpec(port, greeting: "hi")), null);

        var changed = docker.Desired("Container", name, WebSpec(port, greeting: "hello"));
        var (change, second, wait) = await docker.ApplyAsync(changed, first);

        Assert.Equal(ChangeAction.Replace, change.Action);
        var diff = Assert.Single(change.Diffs);
        Assert.Equal("spec.env.GREETING", diff.Path);
        Assert.Equal("\"hi\"", diff.Before!.ToJsonString());
        Assert.Equal("\"hello\"", diff.After!.ToJsonString());
        Assert.Equal("a container cannot be changed in place (spec.env.GREETING changed)", change.ReplaceReason);
        Assert.True(wait.Ready, wait.Reason);
        Assert.NotEqual(first.Outputs["id"], second.Outputs["id"]);
        var env = await DockerCli.RunAsync(["inspect", "--format", "{{json .Config.Env}}", name], DockerRuntimeFixture.Timeout);
        Assert.Contains("GREETING=hello", env.StandardOutput, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_container_removed_by_hand_shows_as_drift_and_apply_recreates_it()
    {
        var name = TestImages.UniqueName("gone");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Container", name, SleeperSpec());
        var (_, applied, _) = await docker.ApplyAsync(desired, null);

        Assert.Equal(0, (await DockerCli.RunAsync(["rm", "-f", name], DockerRuntimeFixture.Timeout)).ExitCode);
        var (change, _, wait) = await docker.ApplyAsync(desired, applied);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.Equal<string>(["status.state"], change.DriftPaths);
        var state = Assert.Single(change.Diffs, d => d.Path == "status.state");
        Assert.Equal("\"missing\"", state.Before!.ToJsonString());
        Assert.True(wait.Ready, wait.Reason);
        Assert.Equal("running", (await DockerCli.RunAsync(["inspect", "--format", "{{.State.Status}}", name], DockerRuntimeFixture.Timeout)).StandardOutput.Trim());
    }

    [DockerFact]
    public async Task A_stopped_container_shows_as_drift_and_apply_starts_it_in_place()
    {
        var name = TestImages.UniqueName("stopped");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Container", name, SleeperSpec());
        var (_, applied, _) = await docker.ApplyAsync(desired, null);

        Assert.Equal(0, (await DockerCli.RunAsync(["stop", "-t", "0", name], DockerRuntimeFixture.Timeout)).ExitCode);
        var (change, again, wait) = await docker.ApplyAsync(desired, applied);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal<string>(["status.state"], change.DriftPaths);
        Assert.Equal("\"exited\"", Assert.Single(change.Diffs).Before!.ToJsonString());
        Assert.True(wait.Ready, wait.Reason);
        Assert.Equal(applied.Outputs["id"], again.Outputs["id"]);
    }

    [DockerFact]
    public async Task A_container_recreated_by_hand_with_another_image_shows_the_image_as_drift()
    {
        var name = TestImages.UniqueName("swapped");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Container", name, SleeperSpec());
        var (_, applied, _) = await docker.ApplyAsync(desired, null);
        var otherTag = $"declarative-test/other:{name}";
        Assert.Equal(0, (await DockerCli.RunAsync(["tag", TestImages.BusyboxImage, otherTag], DockerRuntimeFixture.Timeout)).ExitCode);
        try
        {
            var labels = docker.Owner.Labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" });
            Assert.Equal(0, (await DockerCli.RunAsync(["rm", "-f", name], DockerRuntimeFixture.Timeout)).ExitCode);
            Assert.Equal(0, (await DockerCli.RunAsync(["run", "-d", "--name", name, .. labels, otherTag, "sleep", "300"], DockerRuntimeFixture.Timeout)).ExitCode);

            var change = await docker.PlanAsync(desired, applied);

            Assert.Equal(ChangeAction.Replace, change.Action);
            Assert.Contains("spec.image", change.DriftPaths);
            var image = Assert.Single(change.Diffs, d => d.Path == "spec.image");
            Assert.Equal($"\"{otherTag}\"", image.Before!.ToJsonString());
        }
        finally
        {
            await DockerCli.RunAsync(["rm", "-f", name], CancellationToken.None);
            await DockerCli.RunAsync(["rmi", otherTag], CancellationToken.None);
        }
    }

    [DockerFact]
    public async Task A_changed_restart_policy_is_updated_in_place()
    {
        var name = TestImages.UniqueName("restart");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var (_, applied, _) = await docker.ApplyAsync(docker.Desired("Container", name, SleeperSpec()), null);
        var spec = SleeperSpec();
        spec["restart"] = "unless-stopped";

        var (change, again, _) = await docker.ApplyAsync(docker.Desired("Container", name, spec), applied);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("spec.restart", Assert.Single(change.Diffs).Path);
        Assert.Equal(applied.Outputs["id"], again.Outputs["id"]);
        Assert.Equal("unless-stopped", (await DockerCli.RunAsync(["inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", name], DockerRuntimeFixture.Timeout)).StandardOutput.Trim());
    }

    [DockerFact]
    public async Task A_container_that_exits_at_once_fails_the_wait_with_its_exit_code_and_log_line()
    {
        var name = TestImages.UniqueName("crash");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var spec = new JsonObject
        {
            ["image"] = TestImages.BusyboxImage,
            ["command"] = new JsonArray("sh", "-c", "echo 'config file /etc/app.conf not found' >&2; exit 3"),
        };

        var (_, _, wait) = await docker.ApplyAsync(docker.Desired("Container", name, spec), null);

        Assert.False(wait.Ready);
        Assert.Equal($"Container {name} exited with code 3 right after it started.", wait.Reason);
        Assert.Contains("config file /etc/app.conf not found", wait.Evidence);
    }

    [DockerFact]
    public async Task A_healthcheck_is_awaited_until_healthy()
    {
        var name = TestImages.UniqueName("healthy");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var spec = SleeperSpec();
        spec["healthcheck"] = new JsonObject { ["test"] = "test -f /tmp/ready", ["interval"] = "500ms", ["retries"] = 20 };
        spec["command"] = new JsonArray("sh", "-c", "sleep 1; mkdir -p /tmp; touch /tmp/ready; sleep 300");
        var messages = new List<string>();

        var desired = docker.Desired("Container", name, spec);
        var change = await docker.PlanAsync(desired, null);
        var applied = await docker.Provider.ApplyAsync(change, new Dictionary<ResourceAddress, ResourceOutputs>(), DockerRuntimeFixture.Timeout);
        var wait = await docker.Provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SyncProgress(p => messages.Add(p.Message)), DockerRuntimeFixture.Timeout);

        Assert.True(wait.Ready, wait.Reason);
        Assert.Equal($"waiting for container {name} to be healthy", messages[0]);
        Assert.Equal("healthy", (await DockerCli.RunAsync(["inspect", "--format", "{{.State.Health.Status}}", name], DockerRuntimeFixture.Timeout)).StandardOutput.Trim());
    }

    [DockerFact]
    public async Task Containers_of_the_environment_that_no_id_names_are_orphans()
    {
        var name = TestImages.UniqueName("orphan");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        await docker.ApplyAsync(docker.Desired("Container", name, SleeperSpec()), null);

        var read = await docker.Provider.ReadAsync([], docker.Owner, DockerRuntimeFixture.Timeout);

        var orphan = Assert.Single(read.Orphans);
        Assert.Equal(DockerRuntimeFixture.Address("Container", name), orphan.Address);
        Assert.Empty(read.Live);
    }

    [DockerFact]
    public async Task Delete_stops_and_removes_the_container_and_succeeds_when_it_is_already_gone()
    {
        var name = TestImages.UniqueName("delete");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Container", name, SleeperSpec());
        await docker.ApplyAsync(desired, null);
        var live = (await docker.ReadAsync(desired))!;

        await docker.Provider.DeleteAsync(live, new DeleteOptions(), DockerRuntimeFixture.Timeout);
        await docker.Provider.DeleteAsync(live, new DeleteOptions(), DockerRuntimeFixture.Timeout);

        Assert.Null(await docker.ReadAsync(desired));
        Assert.NotEqual(0, (await DockerCli.RunAsync(["inspect", name], DockerRuntimeFixture.Timeout)).ExitCode);
    }

    private static JsonObject WebSpec(int port, string greeting) => new()
    {
        ["image"] = TestImages.BusyboxImage,
        ["command"] = "httpd -f -p 8080 -h /www",
        ["env"] = new JsonObject { ["GREETING"] = greeting },
        ["ports"] = new JsonArray($"127.0.0.1:{port}:8080"),
        ["volumes"] = new JsonArray("./www:/www:ro"),
        ["stopTimeout"] = 1,
    };

    private static JsonObject SleeperSpec() => new()
    {
        ["image"] = TestImages.BusyboxImage,
        ["command"] = new JsonArray("sleep", "300"),
        ["stopTimeout"] = 1,
    };

    private sealed class SyncProgress(Action<WaitProgress> report) : IProgress<WaitProgress>
    {
        public void Report(WaitProgress value) => report(value);
    }
}
