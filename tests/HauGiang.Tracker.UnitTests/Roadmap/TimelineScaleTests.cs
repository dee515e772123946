using HauGiang.Tracker.Core.Features.Roadmap;

namespace HauGiang.Tracker.UnitTests.Roadmap;

public class TimelineScaleTests
{
    [Theory]
    [InlineData(TimelineZoom.Year, 0.6)]
    [InlineData(TimelineZoom.Quarter, 1.6)]
    [InlineData(TimelineZoom.Month, 4.0)]
    public void A_day_is_as_wide_as_its_zoom_says_and_the_span_covers_every_day_of_its_years(TimelineZoom zoom, double dayWidth)
    {
        var scale = TimelineScale.ForScreen(2021, 2030, zoom);

        Assert.Equal(0, scale.X(new DateOnly(2021, 1, 1)));
        Assert.Equal(365 * dayWidth, scale.X(new DateOnly(2022, 1, 1)), 6);
        // 2021–2030 holds 3,652 days (2024 and 2028 are leap years).
        Assert.Equal(3652 * dayWidth, scale.Width, 6);
    }

    [Fact]
    public void Year_zoom_has_one_tick_a_year_quarter_zoom_four_and_month_zoom_twelve()
    {
        Assert.Equal(10, TimelineScale.ForScreen(2021, 2030, TimelineZoom.Year).Ticks().Count);
        Assert.Equal(40, TimelineScale.ForScreen(2021, 2030, TimelineZoom.Quarter).Ticks().Count);
        Assert.Equal(120, TimelineScale.ForScreen(2021, 2030, TimelineZoom.Month).Ticks().Count);
    }

    [Fact]
    public void Ticks_are_labelled_as_offices_write_periods_and_sit_on_their_first_day()
    {
        var quarters = TimelineScale.ForScreen(2024, 2024, TimelineZoom.Quarter).Ticks();
        var months = TimelineScale.ForScreen(2024, 2024, TimelineZoom.Month).Ticks();

        Assert.Equal(["Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"], quarters.Select(t => t.Label));
        Assert.Equal(91 * 1.6, quarters[0].Width, 6); // Jan + Feb (29 days, a leap year) + Mar
        Assert.Equal("03/2024", months[2].Label);
        Assert.Equal((31 + 29) * 4.0, months[2].X, 6);
    }

    [Fact]
    public void The_leap_day_has_a_place_of_its_own_between_28_February_and_1_March()
    {
        var scale = TimelineScale.ForScreen(2024, 2024, TimelineZoom.Month);

        var leap = scale.X(new DateOnly(2024, 2, 29));
        Assert.Equal(scale.X(new DateOnly(2024, 2, 28)) + 4.0, leap, 6);
        Assert.Equal(leap + 4.0, scale.X(new DateOnly(2024, 3, 1)), 6);
        Assert.Equal(leap + 2.0, scale.Centre(new DateOnly(2024, 2, 29)), 6);
        Assert.Equal(366 * 4.0, scale.Width, 6);
    }

    [Fact]
    public void Days_outside_the_span_are_held_at_its_edges()
    {
        var scale = TimelineScale.ForScreen(2021, 2030, TimelineZoom.Year);

        Assert.Equal(0, scale.X(new DateOnly(2019, 5, 1)));
        Assert.Equal(scale.Width, scale.X(new DateOnly(2035, 1, 1)));
        Assert.Equal((0d, 0d), scale.Span(new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 1)));
    }

    [Fact]
    public void A_printed_scale_fits_the_whole_span_into_the_width_given()
    {
        var scale = TimelineScale.Fitting(2021, 2030, TimelineZoom.Year, 600);

        Assert.Equal(600, scale.Width, 6);
        Assert.Equal(600, scale.Span(new DateOnly(2021, 1, 1), new DateOnly(2030, 12, 31)).Width, 6);
    }

    [Fact]
    public void A_span_ending_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => TimelineScale.ForScreen(2030, 2021, TimelineZoom.Year));
}
