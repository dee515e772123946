namespace HauGiang.Tracker.Core.Domain.Calendar;

/// <summary>
/// Working days in Vietnam: Monday to Friday, except the holidays it was made with (a year's days off as the
/// administrator set them, compensation days included). Saturday and Sunday are the weekly rest days.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? throw new ArgumentNullException(nameof(holidays))];

    /// <summary>A calendar with weekends only, for code that has no holidays at hand.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && !_holidays.Contains(day);

    /// <summary>The day itself if it is a working day, else the last working day before it: a deadline or a period end on a day off is reminded then.</summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>The day itself if it is a working day, else the first working day after it.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="day"/> (before it, for a negative count);
    /// <paramref name="day"/> itself does not count, and a count of 0 gives it back unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> ("within N working
    /// days" counts from the day after the event); negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// Between working days, <c>AddWorkingDays(from, WorkingDaysBetween(from, to)) == to</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }
}
