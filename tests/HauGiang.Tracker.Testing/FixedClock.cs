namespace HauGiang.Tracker.Testing;

/// <summary>A clock that says what the test wants "now" to be, and moves only when told.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The day the seeded template is made on: 27/11/2026, 10:00 in Vietnam.</summary>
    public static readonly DateTimeOffset SeedDay = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public FixedClock() : this(SeedDay)
    {
    }

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Sets "now" to 10:00 in Vietnam on the given day.</summary>
    public void SetToday(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7)).ToUniversalTime();
}
