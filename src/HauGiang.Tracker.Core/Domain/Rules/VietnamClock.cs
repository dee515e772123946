namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>"Today" is a day in Vietnam (UTC+7 all year, no daylight saving), whatever the server's zone.</summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(Offset).DateTime);
}
