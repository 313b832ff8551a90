using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime.Shared;
using Declarative.Testing.Docker;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>Volumes and networks on the real engine: created with our labels, no-ops when present, replaced when
/// changed, never taken from a container that uses them.</summary>
public sealed class VolumeAndNetworkRuntimeTests
{
    [DockerFact]
    public async Task A_volume_is_created_with_labels_and_then_plans_no_changes()
    {
        var name = TestImages.UniqueName("data");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Volume", name, new JsonObject { ["labels"] = new JsonObject { ["tier"] = "db" } });

        var (change, applied, wait) = await docker.ApplyAsync(desired, null);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.True(wait.Ready);
        var labels = await DockerCli.RunAsync(["volume", "inspect", "--format", "{{json .Labels}}", name], DockerRuntimeFixture.Timeout);
        Assert.Contains("\"tier\":\"db\"", labels.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\"declarative.dev/environment\":\"{docker.Owner.Environment}\"", labels.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ChangeAction.NoOp, (await docker.PlanAsync(desired, applied)).Action);

        var relabelled = docker.Desired("Volume", name, new JsonObject { ["labels"] = new JsonObject { ["tier"] = "cache" } });
        var replace = await docker.PlanAsync(relabelled, applied);
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.Equal("a volume cannot be changed in place (spec.labels.tier changed); replacing a volume deletes its data", replace.ReplaceReason);
    }

    [DockerFact]
    public async Task A_volume_in_use_refuses_to_be_pruned_and_names_the_container()
    {
        var volume = TestImages.UniqueName("inuse");
        var container = TestImages.UniqueName("user");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        await docker.ApplyAsync(docker.Desired("Volume", volume, []), null);
        var spec = new JsonObject
        {
            ["image"] = TestImages.BusyboxImage,
            ["command"] = new JsonArray("sleep", "300"),
            ["volumes"] = new JsonArray($"{volume}:/data"),
            ["stopTimeout"] = 1,
        };
        var (_, _, wait) = await docker.ApplyAsync(docker.Desired("Container", container, spec), null);
        Assert.True(wait.Ready, wait.Reason);
        var live = (await docker.Provider.ReadAsync([DockerRuntimeFixture.Address("Volume", volume)], docker.Owner, DockerRuntimeFixture.Timeout)).Live.Values.Single();

        var error = await Assert.ThrowsAsync<DockerOperationException>(() => docker.Provider.DeleteAsync(live, new DeleteOptions(), DockerRuntimeFixture.Timeout));

        Assert.Equal($"Volume {volume} is still used by container {container}: Declarative does not take it from a container. Remove those containers or change them to stop using it, then apply again.", error.Message);
        Assert.Equal(0, (await DockerCli.RunAsync(["volume", "inspect", volume], DockerRuntimeFixture.Timeout)).ExitCode);
    }

    [DockerFact]
    public async Task A_container_joins_its_networks_and_a_network_in_use_refuses_to_be_removed()
    {
        var front = TestImages.UniqueName("front");
        var back = TestImages.UniqueName("back");
        var container = TestImages.UniqueName("joined");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var (created, _, _) = await docker.ApplyAsync(docker.Desired("Network", front, new JsonObject { ["internal"] = true }), null);
        await docker.ApplyAsync(docker.Desired("Network", back, []), null);
        Assert.Equal(ChangeAction.Create, created.Action);
        var spec = new JsonObject
        {
            ["image"] = TestImages.BusyboxImage,
            ["command"] = new JsonArray("sleep", "300"),
            ["networks"] = new JsonArray(front, back),
            ["stopTimeout"] = 1,
        };

        var (_, applied, wait) = await docker.ApplyAsync(docker.Desired("Container", container, spec), null);

        Assert.True(wait.Ready, wait.Reason);
        var networks = await DockerCli.RunAsync(["inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", container], DockerRuntimeFixture.Timeout);
        Assert.Equal(string.Join(' ', new[] { front, back }.Order(StringComparer.Ordinal)), networks.StandardOutput.Trim());
        Assert.Equal(ChangeAction.NoOp, (await docker.PlanAsync(docker.Desired("Container", container, spec), applied)).Action);
        var internalFlag = await DockerCli.RunAsync(["network", "inspect", "--format", "{{.Internal}}", front], DockerRuntimeFixture.Timeout);
        Assert.Equal("true", internalFlag.StandardOutput.Trim());

        var live = (await docker.Provider.ReadAsync([DockerRuntimeFixture.Address("Network", front)], docker.Owner, DockerRuntimeFixture.Timeout)).Live.Values.Single();
        var error = await Assert.ThrowsAsync<DockerOperationException>(() => docker.Provider.DeleteAsync(live, new DeleteOptions(), DockerRuntimeFixture.Timeout));
        Assert.StartsWith($"Network {front} is still used by container {container}:", error.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Applying_a_network_that_already_exists_does_not_make_a_second_one()
    {
        var name = TestImages.UniqueName("once");
        await using var docker = await DockerRuntimeFixture.StartAsync();
        var desired = docker.Desired("Network", name, []);
        var change = await docker.PlanAsync(desired, null);

        await docker.Provider.ApplyAsync(change, new Dictionary<ResourceAddress, ResourceOutputs>(), DockerRuntimeFixture.Timeout);
        await docker.Provider.ApplyAsync(change, new Dictionary<ResourceAddress, ResourceOutputs>(), DockerRuntimeFixture.Timeout);

        var listed = await DockerCli.RunAsync(["network", "ls", "--filter", $"name=^{name}$", "--format", "{{.ID}}"], DockerRuntimeFixture.Timeout);
        Assert.Single(listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
