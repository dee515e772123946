using HauGiang.Tracker.Core.Domain.Calendar;

namespace HauGiang.Tracker.UnitTests.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void Tet_falls_on_the_known_day(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.LunarNewYear(year));
    }

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void Tet_is_counted_in_Vietnam_time_where_China_has_another_day(int year, string vietnam, string china)
    {
        var chinese = new System.Globalization.ChineseLunisolarCalendar();
        Assert.Equal(DateOnly.Parse(china), DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)));
        Assert.Equal(DateOnly.Parse(vietnam), VietnameseLunarCalendar.LunarNewYear(year));
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Gio_To_Hung_Vuong_is_the_10th_of_the_3rd_lunar_month(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.ToSolar(year, 3, 10));
    }

    [Fact]
    public void A_leap_month_follows_the_month_it_repeats()
    {
        // 2023 had a tháng 2 nhuận: 2/2 âm lịch on 21/02, 1/2 nhuận on 22/03, 1/3 on 20/04.
        Assert.Equal(new DateOnly(2023, 2, 20), VietnameseLunarCalendar.ToSolar(2023, 2, 1));
        Assert.Equal(new DateOnly(2023, 3, 22), VietnameseLunarCalendar.ToSolar(2023, 2, 1, leap: true));
        Assert.Equal(new DateOnly(2023, 4, 20), VietnameseLunarCalendar.ToSolar(2023, 3, 1));
        Assert.Equal(new LunarDate(2023, 2, 1, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
    }

    [Fact]
    public void A_leap_month_the_year_does_not_have_is_refused()
    {
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(2024, 2, 1, leap: true));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(2023, 3, 1, leap: true));
    }

    [Fact]
    public void The_day_before_Tet_is_the_last_day_of_the_old_lunar_year()
    {
        var eve = VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16));
        Assert.Equal(2025, eve.Year);
        Assert.Equal(12, eve.Month);
        Assert.Contains(eve.Day, new[] { 29, 30 });
    }

    [Fact]
    public void Every_day_from_1950_to_2100_converts_there_and_back()
    {
        // 2054-05-07 and 2062-04-09 are the first day of a month whose new moon comes after the mean one.
        for (var day = new DateOnly(1950, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(day);
            Assert.Equal(day, VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
        }
    }

    [Fact]
    public void A_30th_day_in_a_29_day_month_is_refused()
    {
        // Tháng Chạp of Ất Tỵ (2025) has 29 days: Tết 2026 is 17/02, and 1/12 âm lịch is 19/01/2026.
        Assert.Equal(new DateOnly(2026, 1, 19), VietnameseLunarCalendar.ToSolar(2025, 12, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2025, 12, 30));
    }
}
