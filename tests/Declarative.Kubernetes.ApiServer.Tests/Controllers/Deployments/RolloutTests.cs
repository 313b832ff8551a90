using System.Diagnostics;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments.RolloutCluster;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

public sealed class RolloutTests
{
    private const string MergePatch = "application/merge-patch+json";

    private static string ImagePatch(string image) =>
        new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) } } } }.ToJsonString();

    [Fact]
    public async Task A_rolling_update_keeps_surge_and_unavailability_within_bounds_at_every_step()
    {
        await using var cluster = await StartAsync();
        var strategy = JsonNode.Parse("""{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":1}}}""")!.AsObject();
        await cluster.CreateAsync(Deployment("web", replicas: 4, extraSpec: strategy));
        await cluster.WaitForRolloutAsync("web");
        var list = await cluster.GetAsync(ReplicaSetsPath);
        var latest = (await cluster.ReplicaSetsOfAsync("web")).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        await using var watch = await WatchStream.OpenAsync(cluster.Client, $"{ReplicaSetsPath}?watch=true&resourceVersion={list["metadata"]!["resourceVersion"]}");

        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:2.0"), MergePatch);
        var steps = 0;
        while (!(latest.Count == 2 && latest.Values.All(rs => Number(rs["spec"]!["replicas"]) is 0 or 4 && Number(rs["status"]?["availableReplicas"]) == Number(rs["spec"]!["replicas"]))
            && latest.Values.Any(rs => Number(rs["spec"]!["replicas"]) == 0)))
        {
            var change = (await watch.NextChangeAsync())!["object"]!.AsObject();
            latest[Text(change["metadata"]!["name"])] = change;
            steps++;
            Assert.True(latest.Values.Sum(rs => Number(rs["spec"]!["replicas"])) <= 5, $"more than replicas + maxSurge at step {steps}");
            Assert.True(latest.Values.Sum(rs => Math.Min(Number(rs["status"]?["availableReplicas"]), Number(rs["spec"]!["replicas"]))) >= 3, $"fewer than replicas - maxUnavailable at step {steps}");
        }

        Assert.True(steps > 4, "the rollout went in steps");
    }

    [Fact]
    public async Task Revisions_number_each_template_and_history_is_kept_to_the_limit()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 2, extraSpec: new JsonObject { ["revisionHistoryLimit"] = 1 }));
        await cluster.WaitForRolloutAsync("web");
        foreach (var version in new[] { "2.0", "3.0" })
        {
            await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch($"example/web:{version}"), MergePatch);
            await cluster.WaitForRolloutAsync("web");
        }

        var sets = await cluster.WaitForAsync(ReplicaSetsPath, l => l["items"]!.AsArray().Count == 2);
        var revisions = sets["items"]!.AsArray().Select(rs => Text(rs!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"])).Order(StringComparer.Ordinal);
        var deployment = await cluster.GetAsync($"{DeploymentsPath}/web");
        Assert.Equal(["2", "3"], revisions);
        Assert.Equal("3", Text(deployment["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]));
        var current = sets["items"]!.AsArray().Single(rs => Number(rs!["spec"]!["replicas"]) == 2)!;
        Assert.Equal("example/web:3.0", Text(current["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]));
        Assert.Equal(("2", "3"), (Text(current["metadata"]!["annotations"]!["deployment.kubernetes.io/desired-replicas"]), Text(current["metadata"]!["annotations"]!["deployment.kubernetes.io/max-replicas"])));
        var owner = current["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal(("Deployment", "web", true, true), (Text(owner["kind"]), Text(owner["name"]), owner["controller"]!.GetValue<bool>(), owner["blockOwnerDeletion"]!.GetValue<bool>()));
        var hash = Text(current["metadata"]!["labels"]!["pod-template-hash"]);
        Assert.Equal($"web-{hash}", Text(current["metadata"]!["name"]));
        Assert.Equal(hash, Text(current["spec"]!["selector"]!["matchLabels"]!["pod-template-hash"]));
    }

    [Fact]
    public async Task Going_back_to_an_earlier_template_reuses_its_replica_set_with_a_new_revision()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 2));
        await cluster.WaitForRolloutAsync("web");
        var first = Assert.Single(await cluster.ReplicaSetsOfAsync("web")).Key;
        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:2.0"), MergePatch);
        await cluster.WaitForRolloutAsync("web");

        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:1.0"), MergePatch);
        await cluster.WaitForRolloutAsync("web");

        var sets = await cluster.ReplicaSetsOfAsync("web");
        Assert.Equal(2, sets.Count);
        var reused = sets[first]["metadata"]!["annotations"]!;
        Assert.Equal(("3", "1"), (Text(reused["deployment.kubernetes.io/revision"]), Text(reused["deployment.kubernetes.io/revision-history"])));
        Assert.Equal(2, Number(sets[first]["spec"]!["replicas"]));
    }

    [Fact]
    public async Task Scaling_through_the_scale_subresource_resizes_the_current_replica_set()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 2));
        await cluster.WaitForRolloutAsync("web");

        await cluster.PatchAsync($"{DeploymentsPath}/web/scale", """{"spec":{"replicas":5}}""", MergePatch);
        var done = await cluster.WaitForAsync($"{DeploymentsPath}/web", d => RolledOut(d) && Number(d["status"]!["availableReplicas"]) == 5);

        var rs = Assert.Single(await cluster.ReplicaSetsOfAsync("web")).Value;
        Assert.Equal(5, Number(rs["spec"]!["replicas"]));
        Assert.Equal("1", Text(done["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]));
    }

    [Fact]
    public async Task A_paused_deployment_does_not_roll_until_resumed()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 2));
        await cluster.WaitForRolloutAsync("web");

        await cluster.PatchAsync($"{DeploymentsPath}/web", """{"spec":{"paused":true}}""", MergePatch);
        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:2.0"), MergePatch);
        var paused = await cluster.WaitForAsync($"{DeploymentsPath}/web", d => Text(Condition(d, "Progressing")?["reason"]) == "DeploymentPaused");
        await Task.Delay(100);
        var setsWhilePaused = await cluster.ReplicaSetsOfAsync("web");
        await cluster.PatchAsync($"{DeploymentsPath}/web", """{"spec":{"paused":false}}""", MergePatch);
        await cluster.WaitForRolloutAsync("web");

        Assert.Equal(("Unknown", "Deployment is paused"), (Text(Condition(paused, "Progressing")!["status"]), Text(Condition(paused, "Progressing")!["message"])));
        Assert.Single(setsWhilePaused);
        Assert.Equal(2, (await cluster.ReplicaSetsOfAsync("web")).Count);
    }

    [Fact]
    public async Task Recreate_scales_the_old_replica_set_to_zero_before_the_new_one_grows()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 3, extraSpec: new JsonObject { ["strategy"] = new JsonObject { ["type"] = "Recreate" } }));
        await cluster.WaitForRolloutAsync("web");
        var list = await cluster.GetAsync(ReplicaSetsPath);
        await using var watch = await WatchStream.OpenAsync(cluster.Client, $"{ReplicaSetsPath}?watch=true&resourceVersion={list["metadata"]!["resourceVersion"]}");
        var latest = await cluster.ReplicaSetsOfAsync("web");

        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:2.0"), MergePatch);
        while (!(latest.Count == 2 && latest.Values.Any(rs => Number(rs["status"]?["availableReplicas"]) == 3 && Number(rs["spec"]!["replicas"]) == 3)))
        {
            var change = (await watch.NextChangeAsync())!["object"]!.AsObject();
            latest[Text(change["metadata"]!["name"])] = change;
            Assert.True(latest.Values.Count(rs => Number(rs["status"]?["replicas"]) > 0 || Number(rs["spec"]!["replicas"]) > 0) <= 1, "old and new pods ran together");
        }
    }

    [Fact]
    public async Task Time_scale_sets_how_long_a_rollout_takes()
    {
        var fast = await MeasureRolloutAsync(0.01);
        var slow = await MeasureRolloutAsync(0.1);

        Assert.True(fast < TimeSpan.FromSeconds(1), $"at 0.01 the rollout took {fast}");
        Assert.True(slow >= TimeSpan.FromMilliseconds(250), $"at 0.1 the rollout took only {slow}");
        Assert.True(slow > fast, $"{slow} is not longer than {fast}");
    }

    /// <summary>Three one-by-one replacements (maxSurge 1, maxUnavailable 0): 3 s simulated.</summary>
    private static async Task<TimeSpan> MeasureRolloutAsync(double timeScale)
    {
        await using var cluster = await StartAsync(timeScale);
        var strategy = JsonNode.Parse("""{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}""")!.AsObject();
        await cluster.CreateAsync(Deployment("web", replicas: 3, extraSpec: strategy));
        await cluster.WaitForRolloutAsync("web");
        var clock = Stopwatch.StartNew();
        await cluster.PatchAsync($"{DeploymentsPath}/web", ImagePatch("example/web:2.0"), MergePatch);
        await cluster.WaitForAsync($"{DeploymentsPath}/web", d => RolledOut(d) && Number(d["metadata"]!["generation"]) == 2);
        return clock.Elapsed;
    }
}
