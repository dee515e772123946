using HauGiang.Tracker.Core.Domain.Calendar;

namespace HauGiang.Tracker.UnitTests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Year2026 = new(PublicHolidays.DefaultsFor(2026).Select(h => h.Date));
    private static readonly WorkingCalendar Year2024 = new(PublicHolidays.DefaultsFor(2024).Select(h => h.Date));

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.True(Year2026.IsWorkingDay(new DateOnly(2026, 2, 13)));
        Assert.False(Year2026.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Year2026.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.True(Year2026.IsHoliday(new DateOnly(2026, 2, 17)));
        Assert.False(Year2026.IsHoliday(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void One_working_day_after_the_Friday_before_Tet_is_the_Monday_after_it()
    {
        Assert.Equal(new DateOnly(2026, 2, 23), Year2026.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
        Assert.Equal(new DateOnly(2026, 2, 13), Year2026.AddWorkingDays(new DateOnly(2026, 2, 23), -1));
    }

    [Fact]
    public void Counting_working_days_skips_Tet_and_its_made_up_days()
    {
        // 2024: Thu 08/02 is the last working day before Tết; 09–15/02 are off (two of them made up).
        Assert.Equal(new DateOnly(2024, 2, 16), Year2024.AddWorkingDays(new DateOnly(2024, 2, 8), 1));
        Assert.Equal(1, Year2024.WorkingDaysBetween(new DateOnly(2024, 2, 8), new DateOnly(2024, 2, 16)));
        Assert.Equal(-1, Year2024.WorkingDaysBetween(new DateOnly(2024, 2, 16), new DateOnly(2024, 2, 8)));
    }

    [Fact]
    public void Within_five_working_days_of_the_28th_of_April_2026_runs_past_30_4_and_1_5()
    {
        // Tue 28/04 → Wed 29, (Thu 30/4, Fri 1/5, weekend off) Mon 4, Tue 5, Wed 6, Thu 7/05.
        var due = Year2026.AddWorkingDays(new DateOnly(2026, 4, 28), 5);
        Assert.Equal(new DateOnly(2026, 5, 7), due);
        Assert.Equal(5, Year2026.WorkingDaysBetween(new DateOnly(2026, 4, 28), due));
    }

    [Theory]
    [InlineData("2026-05-01", "2026-04-29")]
    [InlineData("2026-05-03", "2026-04-29")]
    [InlineData("2026-02-20", "2026-02-13")]
    [InlineData("2026-04-27", "2026-04-24")]
    [InlineData("2026-06-30", "2026-06-30")]
    public void A_deadline_on_a_day_off_is_reminded_on_the_working_day_before(string deadline, string reminded)
    {
        Assert.Equal(DateOnly.Parse(reminded), Year2026.WorkingDayOnOrBefore(DateOnly.Parse(deadline)));
    }

    [Fact]
    public void Zero_working_days_is_the_day_itself()
    {
        var saturday = new DateOnly(2026, 3, 7);
        Assert.Equal(saturday, Year2026.AddWorkingDays(saturday, 0));
        Assert.Equal(0, Year2026.WorkingDaysBetween(saturday, saturday));
        Assert.Equal(new DateOnly(2026, 3, 9), Year2026.WorkingDayOnOrAfter(saturday));
    }

    [Fact]
    public void Adding_then_counting_gives_back_the_same_number_across_the_year()
    {
        var start = new DateOnly(2026, 1, 2);
        for (var n = -1; n <= 240; n++)
        {
            Assert.Equal(n, Year2026.WorkingDaysBetween(start, Year2026.AddWorkingDays(start, n)));
        }
    }
}
