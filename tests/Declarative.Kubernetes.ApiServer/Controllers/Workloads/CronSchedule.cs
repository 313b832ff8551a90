namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// A standard 5-field cron schedule (minute hour day-of-month month day-of-week, as robfig/cron's standard parser
/// reads it for CronJobs) or a descriptor (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly).
/// Day-of-month and day-of-week are ORed when both are restricted. Times are evaluated in the given zone.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly CronField _minute;
    private readonly CronField _hour;
    private readonly CronField _day;
    private readonly CronField _month;
    private readonly CronField _weekday;

    private CronSchedule(CronField minute, CronField hour, CronField day, CronField month, CronField weekday)
    {
        (_minute, _hour, _day, _month, _weekday) = (minute, hour, day, month, weekday);
    }

    public static CronSchedule? Parse(string text)
    {
        var fields = Expand(text.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return null;
        }

        var weekday = CronField.Parse(fields[4], 0, 7, Days);
        if (CronField.Parse(fields[0], 0, 59) is not { } minute || CronField.Parse(fields[1], 0, 23) is not { } hour
            || CronField.Parse(fields[2], 1, 31) is not { } day || CronField.Parse(fields[3], 1, 12, Months, 1) is not { } month || weekday is null)
        {
            return null;
        }

        // 7 is Sunday too.
        var days = new HashSet<int>(weekday.Values.Select(d => d % 7));
        return new CronSchedule(minute, hour, day, month, weekday with { Values = days });
    }

    /// <summary>The first scheduled moment strictly after <paramref name="after"/> within five years; null if none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_month.Allows(t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!_hour.Allows(t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_minute.Allows(t.Minute))
            {
                t = t.AddMinutes(1);
            }
            else if (!zone.IsInvalidTime(t))
            {
                return new DateTimeOffset(t, zone.GetUtcOffset(t));
            }
            else
            {
                t = t.AddMinutes(1);
            }
        }

        return null;
    }

    /// <summary>The latest scheduled moment in (<paramref name="after"/>, <paramref name="until"/>]; null if none.</summary>
    public DateTimeOffset? LatestDue(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
    {
        DateTimeOffset? latest = null;
        for (var next = Next(after, zone); next is { } t && t <= until; next = Next(t, zone))
        {
            latest = t;
        }

        return latest;
    }

    private bool DayMatches(DateTime t)
    {
        var day = _day.Allows(t.Day);
        var weekday = _weekday.Allows((int)t.DayOfWeek);
        return _day.Wildcard || _weekday.Wildcard ? day && weekday : day || weekday;
    }

    private static string Expand(string text) => text switch
    {
        "@yearly" or "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" or "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        _ => text,
    };
}
