using Declarative.Kubernetes.ApiServer.Controllers.Workloads;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class CronScheduleTests
{
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("*/15 9-17 * * 1-5", "2026-01-02T17:50:00Z", "2026-01-05T09:00:00Z")]
    [InlineData("@hourly", "2026-01-01T10:30:00Z", "2026-01-01T11:00:00Z")]
    [InlineData("@daily", "2026-01-01T10:30:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("@weekly", "2026-01-01T10:30:00Z", "2026-01-04T00:00:00Z")]
    [InlineData("@yearly", "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("30 2 * FEB SUN", "2026-01-01T00:00:00Z", "2026-02-01T02:30:00Z")]
    [InlineData("0 0 13 * 5", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("5 * * * 7", "2026-01-03T23:59:00Z", "2026-01-04T00:05:00Z")]
    public void Next_run_follows_the_standard_cron_fields(string schedule, string after, string expected)
    {
        var next = CronSchedule.Parse(schedule)!.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("61 * * * *")]
    [InlineData("* * * * MOO")]
    [InlineData("*/0 * * * *")]
    public void Malformed_schedules_are_rejected(string schedule) => Assert.Null(CronSchedule.Parse(schedule));

    [Fact]
    public void Latest_due_run_is_the_last_one_in_the_window()
    {
        var schedule = CronSchedule.Parse("*/10 * * * *")!;

        Assert.Equal(At(2026, 1, 1, 10, 20), schedule.LatestDue(At(2026, 1, 1, 10, 5), At(2026, 1, 1, 10, 25), TimeZoneInfo.Utc));
        Assert.Null(schedule.LatestDue(At(2026, 1, 1, 10, 1), At(2026, 1, 1, 10, 9), TimeZoneInfo.Utc));
    }
}
