using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;

namespace HauGiang.Tracker.UnitTests.Roadmap;

public class RoadmapGeometryTests
{
    private static readonly TimelineScale Months = TimelineScale.ForScreen(2021, 2030, TimelineZoom.Month);

    private static ProgramRoadmap Build(RoadmapGrouping groupBy = RoadmapGrouping.Breakthrough)
    {
        var (facts, schedules) = RoadmapSamples.Three();
        return RoadmapBuilder.Build(facts, schedules, ItemFilter.Real, groupBy);
    }

    private static RoadmapRow Row(string code, bool milestone = false) =>
        Build().Rows.Single(r => r.Item.Row.Code == code && r.IsMilestone == milestone);

    [Fact]
    public void The_planned_bar_runs_from_the_start_to_the_end_of_the_deadline_in_force_and_holds_the_progress()
    {
        var shape = RoadmapGeometry.Shape(Months, Row("NV-01"));

        Assert.NotNull(shape.Planned);
        Assert.Equal(Months.X(new DateOnly(2022, 1, 1)), shape.Planned.X, 6);
        Assert.Equal(Months.X(new DateOnly(2024, 3, 1)), shape.Planned.X + shape.Planned.Width, 6); // through the leap day
        Assert.Equal(shape.Planned.Width * 0.4, shape.ProgressWidth, 6);
    }

    [Fact]
    public void An_adjusted_deadline_shows_the_original_and_the_adjustment_with_its_decision()
    {
        var markers = RoadmapGeometry.Shape(Months, Row("NV-01")).Markers;

        var original = Assert.Single(markers, m => m.Kind == MarkerKind.OriginalDeadline);
        var adjusted = Assert.Single(markers, m => m.Kind == MarkerKind.AdjustedDeadline);
        Assert.Equal(Months.Centre(new DateOnly(2023, 6, 30)), original.X, 6);
        Assert.Equal(new DateOnly(2024, 2, 29), adjusted.Day);
        Assert.Equal("159-KL/TU", adjusted.Step!.BasisNumber);
        Assert.True(original.X < adjusted.X);
    }

    [Fact]
    public void A_deadline_never_adjusted_has_no_deadline_markers_and_a_done_item_marks_its_completion_day()
    {
        var shape = RoadmapGeometry.Shape(Months, Row("VB-01"));

        var done = Assert.Single(shape.Markers);
        Assert.Equal(MarkerKind.Completion, done.Kind);
        Assert.Equal(Months.Centre(new DateOnly(2023, 11, 15)), done.X, 6);
        Assert.Equal(shape.Planned!.Width, shape.ProgressWidth, 6);
    }

    [Fact]
    public void A_milestone_is_a_row_of_its_own_with_one_marker_done_when_done_by_the_day()
    {
        var row = Row("VB-01", milestone: true);
        var shape = RoadmapGeometry.Shape(Months, row);

        Assert.Equal(1, row.Depth);
        Assert.Null(shape.Planned);
        var marker = Assert.Single(shape.Markers);
        Assert.Equal(MarkerKind.MilestoneDone, marker.Kind);
        Assert.Equal(Months.Centre(new DateOnly(2023, 9, 30)), marker.X, 6);
    }

    [Fact]
    public void An_undated_item_is_a_row_of_its_own_and_is_never_drawn_as_if_dated()
    {
        var row = Row("NV-02");
        var shape = RoadmapGeometry.Shape(Months, row);

        Assert.True(row.Undated);
        Assert.True(shape.Undated);
        Assert.Null(shape.Planned);
        Assert.Empty(shape.Markers);
    }

    [Fact]
    public void An_ongoing_deadline_is_undated_and_a_recurring_one_runs_to_its_last_occurrence()
    {
        var ongoing = RoadmapSamples.Item(9, "NV-09", "Thường xuyên", Deadline.Ongoing());
        var recurring = RoadmapSamples.Item(10, "NV-10", "Hằng năm", Deadline.Recurring(Recurrence.Yearly, new DateOnly(2022, 12, 31), new DateOnly(2025, 12, 31)),
            startsOn: new DateOnly(2022, 1, 1));

        Assert.Null(RoadmapGeometry.Planned(ongoing));
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31)), RoadmapGeometry.Planned(recurring));
    }

    [Fact]
    public void The_day_line_stands_in_the_middle_of_the_day()
    {
        var today = RoadmapSamples.Today;

        Assert.Equal(Months.X(today) + 2.0, RoadmapGeometry.DayLine(Months, today), 6);
        Assert.Equal(Months.X(today.AddDays(1)) - 2.0, RoadmapGeometry.DayLine(Months, today), 6);
    }

    [Fact]
    public void Rows_come_under_their_headings_with_the_undated_ones_apart_and_the_span_reaches_2030()
    {
        var roadmap = Build();

        Assert.Equal(3, roadmap.ItemCount);
        Assert.Equal(2021, roadmap.FirstYear);
        Assert.Equal(2030, roadmap.LastYear);
        var heading = roadmap.Lines[0].Heading;
        Assert.Equal(3, heading!.Count);
        Assert.Equal(["NV-01", "VB-01", "VB-01", "NV-02"], roadmap.Lines.Skip(1).Select(l => l.Row!.Item.Row.Code));
    }

    [Fact]
    public void Grouped_by_unit_the_rows_come_under_their_lead_unit()
    {
        var roadmap = Build(RoadmapGrouping.Unit);

        Assert.Equal("Sở Giáo dục và Đào tạo", roadmap.Lines[0].Heading!.Title);
        Assert.Equal(7, roadmap.Lines[0].Heading!.Id);
    }

    [Fact]
    public void Compared_with_an_earlier_day_the_earlier_bar_is_drawn_and_the_items_that_moved_are_listed()
    {
        var (after, schedules) = RoadmapSamples.Three();
        var before = RoadmapSamples.Facts(
            RoadmapSamples.Item(1, "NV-01", "Đề án", Deadline.On(new DateOnly(2023, 6, 30)), startsOn: new DateOnly(2022, 1, 1)),
            RoadmapSamples.Item(2, "VB-01", "Nghị quyết", Deadline.EndOf("Quý IV/2023", new DateOnly(2023, 12, 31)), startsOn: new DateOnly(2023, 1, 1), axis: ProgressAxis.DoneOnTime,
                progress: 100m, completedOn: new DateOnly(2023, 11, 15)),
            RoadmapSamples.Item(3, "NV-02", "Rà soát", Deadline.Unspecified));

        var roadmap = RoadmapBuilder.Build(after, schedules, ItemFilter.Real, RoadmapGrouping.Breakthrough, before with { AsOf = new DateOnly(2022, 6, 1) });

        var move = Assert.Single(roadmap.Moves);
        Assert.Equal("NV-01", move.After.Row.Code);
        Assert.Equal(244, move.DaysMoved);
        var shape = RoadmapGeometry.Shape(Months, roadmap.Rows.First());
        Assert.Equal(Months.X(new DateOnly(2023, 7, 1)), shape.Earlier!.X + shape.Earlier.Width, 6);
    }
}
