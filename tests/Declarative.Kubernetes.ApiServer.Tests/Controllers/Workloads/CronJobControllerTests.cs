using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Controllers;
using Declarative.Kubernetes.ApiServer.Controllers.Workloads;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

/// <summary>Schedules run on the wall clock, so these tests run the controllers over a clock shifted to just
/// before a minute boundary (its timers stay real).</summary>
public sealed class CronJobControllerTests
{
    [Fact]
    public async Task Cron_job_creates_a_job_when_its_schedule_falls_due_and_none_otherwise()
    {
        // The clock is set 3 s before a minute starts: enough for the two creates to land before it even on a loaded
        // machine (with 0.7 s they sometimes landed after it, and the job was due a minute later than asserted).
        var clock = new ShiftedClock();
        var now = clock.GetUtcNow();
        var dueMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(2);
        clock.Shift = dueMinute - now - TimeSpan.FromSeconds(3);
        var state = new ApiServerState(new ApiServerOptions { TimeScale = 0.01 }, clock);
        await using var manager = new ControllerManager(state, ControllerManager.Discover());
        manager.Start();
        var client = new ControllerContext(state, "test");
        client.Create(client.Resource("batch", "cronjobs"), CronJob("every-minute", "* * * * *"));
        client.Create(client.Resource("batch", "cronjobs"), CronJob("new-year", "0 0 1 1 *"));
        var jobName = string.Create(CultureInfo.InvariantCulture, $"every-minute-{dueMinute.ToUnixTimeSeconds() / 60}");

        var job = await PollAsync(() => client.Get(new ObjectKey("batch", "jobs", "default", jobName)));
        var cronJob = await PollAsync(() => client.Get(new ObjectKey("batch", "cronjobs", "default", "every-minute")) is { } c && c["status"]?["lastScheduleTime"] is not null ? c : null);
        var other = client.Get(new ObjectKey("batch", "cronjobs", "default", "new-year"))!;

        Assert.Equal("CronJob", job["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(dueMinute.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), job["metadata"]!["annotations"]![CronJobController.ScheduledTimestampAnnotation]!.GetValue<string>());
        Assert.Equal(dueMinute.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), cronJob["status"]!["lastScheduleTime"]!.GetValue<string>());
        Assert.Null(other["status"]?["lastScheduleTime"]);
        Assert.Single(client.List(client.Resource("batch", "jobs"), "default"));
    }

    private static JsonObject CronJob(string name, string schedule) => JsonNode.Parse("""
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"NAME","namespace":"default"},
         "spec":{"schedule":"SCHEDULE","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("SCHEDULE", schedule, StringComparison.Ordinal))!.AsObject();

    private static async Task<JsonObject> PollAsync(Func<JsonObject?> read)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!timeout.IsCancellationRequested)
        {
            if (read() is { } found)
            {
                return found;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Fail("The expected object did not appear within 20 s.");
        return null!;
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
