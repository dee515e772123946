using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class ReportingWindowsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Monthly_window_runs_from_the_15th_of_the_previous_month_to_the_14th()
    {
        Assert.Equal(new DateRange(D(2024, 2, 15), D(2024, 3, 14)), ReportingWindows.Month(2024, 3));
    }

    [Fact]
    public void January_window_starts_in_the_previous_year()
    {
        Assert.Equal(new DateRange(D(2023, 12, 15), D(2024, 1, 14)), ReportingWindows.Month(2024, 1));
    }

    [Theory]
    [InlineData(1, 2023, 12, 15, 3, 14)]
    [InlineData(2, 2024, 3, 15, 6, 14)]
    [InlineData(3, 2024, 6, 15, 9, 14)]
    [InlineData(4, 2024, 9, 15, 12, 14)]
    public void Quarter_window_runs_from_the_15th_before_the_quarter_to_the_14th_of_its_last_month(int quarter, int startYear, int startMonth, int startDay, int endMonth, int endDay)
    {
        Assert.Equal(new DateRange(D(startYear, startMonth, startDay), D(2024, endMonth, endDay)), ReportingWindows.Quarter(2024, quarter));
    }

    [Fact]
    public void Six_nine_and_twelve_month_windows_all_start_on_15_December_of_the_previous_year()
    {
        Assert.Equal(new DateRange(D(2023, 12, 15), D(2024, 6, 14)), ReportingWindows.HalfYear(2024));
        Assert.Equal(new DateRange(D(2023, 12, 15), D(2024, 9, 14)), ReportingWindows.NineMonths(2024));
        Assert.Equal(new DateRange(D(2023, 12, 15), D(2024, 12, 14)), ReportingWindows.Year(2024));
    }

    [Theory]
    [InlineData(2024, 3, 14, 2024, 3)]
    [InlineData(2024, 3, 15, 2024, 4)]
    [InlineData(2024, 12, 14, 2024, 12)]
    [InlineData(2024, 12, 15, 2025, 1)]
    [InlineData(2024, 2, 29, 2024, 3)]
    [InlineData(2024, 2, 14, 2024, 2)]
    public void A_day_belongs_to_the_month_whose_window_holds_it(int y, int m, int d, int year, int month)
    {
        Assert.Equal((year, month), ReportingWindows.MonthContaining(D(y, m, d)));
        Assert.True(ReportingWindows.Month(year, month).Contains(D(y, m, d)));
    }

    [Theory]
    [InlineData(2024, 3, 14, 2024, 1)]
    [InlineData(2024, 3, 15, 2024, 2)]
    [InlineData(2024, 12, 15, 2025, 1)]
    [InlineData(2023, 12, 14, 2023, 4)]
    public void Quarter_boundaries_fall_between_the_14th_and_the_15th(int y, int m, int d, int year, int quarter)
    {
        Assert.Equal((year, quarter), ReportingWindows.QuarterContaining(D(y, m, d)));
    }

    [Fact]
    public void Monthly_windows_cover_every_day_exactly_once_across_leap_and_common_years()
    {
        for (var year = 1999; year <= 2101; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var window = ReportingWindows.Month(year, month);
                var next = month == 12 ? ReportingWindows.Month(year + 1, 1) : ReportingWindows.Month(year, month + 1);
                Assert.Equal(window.End.AddDays(1), next.Start);
            }
        }
        var february2024 = ReportingWindows.Month(2024, 3);
        Assert.Equal(29, february2024.Days);
        Assert.Equal(28, ReportingWindows.Month(2023, 3).Days);
    }

    [Fact]
    public void Term_reviews_cover_the_term_from_its_first_window()
    {
        Assert.Equal(new DateRange(D(2020, 12, 15), D(2023, 6, 14)), ReportingWindows.MidTermReview(2020, 2025));
        Assert.Equal(new DateRange(D(2020, 12, 15), D(2025, 6, 14)), ReportingWindows.EndOfTermReview(2020, 2025));
    }

    [Theory]
    [InlineData(PeriodKind.Month, 2024, 3, "Tháng 3/2024")]
    [InlineData(PeriodKind.Quarter, 2021, 3, "Quý III/2021")]
    [InlineData(PeriodKind.HalfYear, 2022, 0, "6 tháng đầu năm 2022")]
    [InlineData(PeriodKind.NineMonths, 2022, 0, "9 tháng đầu năm 2022")]
    [InlineData(PeriodKind.Year, 2022, 0, "Năm 2022")]
    public void Periods_are_named_as_offices_name_them(PeriodKind kind, int year, int number, string label)
    {
        Assert.Equal(label, PeriodLabels.For(kind, year, number));
    }
}
