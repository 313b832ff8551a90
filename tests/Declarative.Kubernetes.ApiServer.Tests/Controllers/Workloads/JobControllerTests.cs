using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class JobControllerTests
{
    private const string Jobs = "/apis/batch/v1/namespaces/default/jobs";

    internal static string Job(string name, string image = "busybox:1.36", string extraSpec = "") => """
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"NAME"},
         "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"IMAGE"}]}}EXTRA}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal).Replace("EXTRA", extraSpec, StringComparison.Ordinal);

    private static bool Has(JsonObject job, string type) =>
        job["status"]?["conditions"] is JsonArray conditions && conditions.Any(c => WorkloadCluster.Text(c, "type") == type);

    [Fact]
    public async Task Job_meets_its_success_criteria_then_completes()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Jobs, Job("batch", extraSpec: ""","completions":3,"parallelism":3"""));

        var job = await cluster.WaitForAsync($"{Jobs}/batch", j => Has(j, "Complete"));

        var status = job["status"]!;
        var conditions = status["conditions"]!.AsArray();
        Assert.Equal(["SuccessCriteriaMet", "Complete"], conditions.Select(c => WorkloadCluster.Text(c, "type")));
        Assert.All(conditions, c =>
        {
            Assert.Equal("True", WorkloadCluster.Text(c, "status"));
            Assert.Equal("CompletionsReached", WorkloadCluster.Text(c, "reason"));
            Assert.Equal("Reached expected number of succeeded pods", WorkloadCluster.Text(c, "message"));
        });
        Assert.Equal(3, (long)status["succeeded"]!);
        Assert.Equal(0, (long)status["ready"]!);
        Assert.Null(status["active"]);
        Assert.NotNull(status["startTime"]);
        Assert.NotNull(status["completionTime"]);
    }

    [Fact]
    public async Task Running_job_reports_active_then_ready_pods()
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: 1);
        await cluster.CreateAsync(Jobs, Job("slow"));

        var started = await cluster.WaitForAsync($"{Jobs}/slow", j => j["status"]?["startTime"] is not null);
        var ready = await cluster.WaitForAsync($"{Jobs}/slow", j => WorkloadCluster.Number(j, "ready") == 1);

        Assert.Equal(1, WorkloadCluster.Number(started, "active"));
        Assert.Equal(0, WorkloadCluster.Number(started, "ready"));
        Assert.Equal(1, WorkloadCluster.Number(ready, "active"));
        Assert.False(Has(ready, "Complete"));
    }

    [Fact]
    public async Task Job_with_a_failing_image_fails_after_its_backoff_limit()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Jobs, Job("broken", "example/app:fail", ""","backoffLimit":1"""));

        var job = await cluster.WaitForAsync($"{Jobs}/broken", j => Has(j, "Failed"));

        var status = job["status"]!;
        var conditions = status["conditions"]!.AsArray();
        Assert.Equal(["FailureTarget", "Failed"], conditions.Select(c => WorkloadCluster.Text(c, "type")));
        Assert.All(conditions, c =>
        {
            Assert.Equal("BackoffLimitExceeded", WorkloadCluster.Text(c, "reason"));
            Assert.Equal("Job has reached the specified backoff limit", WorkloadCluster.Text(c, "message"));
        });
        Assert.Equal(2, (long)status["failed"]!);
        Assert.Null(status["succeeded"]);
        Assert.Null(status["completionTime"]);
        Assert.False(Has(job, "Complete"));
    }

    [Fact]
    public async Task Time_scale_stretches_and_shrinks_how_long_a_job_runs()
    {
        var slow = await TimeToCompleteAsync(0.5);
        var fast = await TimeToCompleteAsync(0.01);

        Assert.True(slow >= TimeSpan.FromSeconds(0.9), $"At time scale 0.5 the 2 s job took {slow}.");
        Assert.True(fast < TimeSpan.FromSeconds(0.9), $"At time scale 0.01 the 2 s job took {fast}.");
    }

    private static async Task<TimeSpan> TimeToCompleteAsync(double scale)
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: scale);
        var clock = Stopwatch.StartNew();
        await cluster.CreateAsync(Jobs, Job("timed"));
        await cluster.WaitForAsync($"{Jobs}/timed", j => Has(j, "Complete"));
        return clock.Elapsed;
    }
}
