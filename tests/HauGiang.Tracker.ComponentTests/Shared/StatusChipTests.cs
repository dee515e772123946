using Bunit;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class StatusChipTests : ComponentTest
{
    [Theory]
    [InlineData(ProgressAxis.DoneOnTime, "Đã hoàn thành đúng hạn", "success")]
    [InlineData(ProgressAxis.DoneLate, "Đã hoàn thành quá hạn", "info")]
    [InlineData(ProgressAxis.OpenWithinDeadline, "Chưa hoàn thành, trong hạn", "default")]
    [InlineData(ProgressAxis.Overdue, "Chưa hoàn thành, quá hạn", "error")]
    public void Each_axis_has_its_words_and_colour(ProgressAxis axis, string words, string colour)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, Samples.Status(axis))).Find(".mud-chip");

        Assert.Equal(words, chip.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_adjustment_the_verdict_against_the_original_deadline_shows_too()
    {
        var cut = Render<StatusChip>(p => p.Add(c => c.Status, Samples.Status(ProgressAxis.OpenWithinDeadline, ProgressAxis.Overdue)));

        Assert.Contains("Theo hạn ban đầu: Chưa hoàn thành, quá hạn", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_verdict_against_both_deadlines_is_not_repeated()
    {
        var cut = Render<StatusChip>(p => p.Add(c => c.Status, Samples.Status(ProgressAxis.Overdue, ProgressAxis.Overdue)));

        Assert.Equal(["Chưa hoàn thành, quá hạn"], cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("Theo hạn ban đầu", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_started_and_unreported_work_is_flagged()
    {
        var cut = Render<StatusChip>(p => p.Add(c => c.Status, Samples.Status(ProgressAxis.Overdue, notStarted: true, noReport: true)));

        Assert.Equal("Chưa triển khai", cut.Find("[data-flag=not-started]").TextContent.Trim());
        Assert.Equal("Chưa báo cáo kỳ này", cut.Find("[data-flag=no-report]").TextContent.Trim());
    }

    [Fact]
    public void Without_flags_only_the_axis_shows()
    {
        var cut = Render<StatusChip>(p => p.Add(c => c.Status, Samples.Status(ProgressAxis.DoneOnTime)));

        Assert.Equal(["Đã hoàn thành đúng hạn"], cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-flag]"));
    }
}
