using HauGiang.Tracker.Core.Domain.Calendar;

namespace HauGiang.Tracker.UnitTests.Calendar;

public class PublicHolidaysTests
{
    private static List<DateOnly> Dates(int year) => [.. PublicHolidays.DefaultsFor(year).Select(h => h.Date)];

    [Fact]
    public void A_year_without_weekend_holidays_has_the_eleven_days_of_the_law()
    {
        // 2026: Tết Tue 17/02; Giỗ Tổ Sun 26/04 is the only weekend day.
        var holidays = PublicHolidays.DefaultsFor(2026);
        Assert.Equal(12, holidays.Count);
        Assert.Equal(
            [
                new(2026, 1, 1), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20),
                new(2026, 4, 26), new(2026, 4, 27), new(2026, 4, 30), new(2026, 5, 1), new(2026, 9, 1), new(2026, 9, 2),
            ],
            holidays.Select(h => h.Date));
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", holidays.Single(h => h.Date == new DateOnly(2026, 4, 27)).Name);
    }

    [Fact]
    public void Tet_days_on_a_weekend_are_made_up_after_the_Tet_break()
    {
        // 2024: eve Fri 09/02, mùng 1–2 on Sat–Sun 10–11/02, mùng 3–4 Mon–Tue: the two made up Wed–Thu.
        var dates = Dates(2024);
        Assert.Contains(new DateOnly(2024, 2, 9), dates);
        Assert.Contains(new DateOnly(2024, 2, 14), dates);
        Assert.Contains(new DateOnly(2024, 2, 15), dates);
        Assert.DoesNotContain(new DateOnly(2024, 2, 16), dates);
    }

    [Fact]
    public void Quoc_khanh_on_a_Saturday_is_made_up_on_Monday()
    {
        // 2023: 1/9 Fri, 2/9 Sat, made up Mon 4/9, as the country rested that year.
        var holidays = PublicHolidays.DefaultsFor(2023);
        Assert.Contains(holidays, h => h.Date == new DateOnly(2023, 9, 1));
        Assert.Equal("Nghỉ bù Quốc khánh (2/9)", holidays.Single(h => h.Date == new DateOnly(2023, 9, 4)).Name);
    }

    [Fact]
    public void May_day_on_a_Saturday_is_made_up_on_Monday()
    {
        var holidays = PublicHolidays.DefaultsFor(2027);
        Assert.Equal("Nghỉ bù ngày Quốc tế lao động (1/5)", holidays.Single(h => h.Date == new DateOnly(2027, 5, 3)).Name);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2027)]
    [InlineData(2030)]
    public void Every_default_is_a_distinct_day_of_its_year_with_a_name(int year)
    {
        var holidays = PublicHolidays.DefaultsFor(year);
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
        Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
        Assert.Equal(11, holidays.Count(h => !h.Name.StartsWith(PublicHolidays.CompensationPrefix, StringComparison.Ordinal)));
        Assert.All(holidays.Where(h => h.Name.StartsWith(PublicHolidays.CompensationPrefix, StringComparison.Ordinal)),
            h => Assert.False(WorkingCalendar.IsWeekend(h.Date)));
    }
}
