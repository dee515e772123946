using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Web.Components.Pages.Overview;

namespace HauGiang.Tracker.ComponentTests.Overview;

/// <summary>Every chart is an image with its numbers in words, and the same numbers in a table.</summary>
public class ChartTextTests : ComponentTest
{
    [Fact]
    public void The_status_donut_is_an_image_whose_label_gives_each_count_and_share()
    {
        var cut = Render<StatusCards>(p => p.Add(c => c.Overview, ProgramOverview.Of(OverviewSamples.Mixed(), ItemFilter.Real)));

        var chart = cut.Find("[data-chart=status]");
        Assert.Equal("img", chart.GetAttribute("role"));
        var label = chart.GetAttribute("aria-label")!;
        Assert.Contains("Đã hoàn thành đúng hạn 3 mục (30%)", label, StringComparison.Ordinal);
        Assert.Contains("Chưa hoàn thành, quá hạn 3 mục (30%)", label, StringComparison.Ordinal);
        Assert.Contains("Chưa xác định thời hạn 1 mục (10%)", label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trend_reads_oldest_first_in_the_chart_label_and_the_table()
    {
        PeriodRef Q(int id, string label, int month) =>
            new(id, PeriodKind.Quarter, label, new DateOnly(2024, month - 2, 15), new DateOnly(2024, month, 14), PeriodState.Closed, null);
        Totals T(decimal progress, ProgressAxis axis) => Totals.Of([Samples.Row("A", axis: axis, progress: progress)]);
        var trend = new List<TrendPoint> { new(Q(2, "Quý II/2024", 6), T(45m, ProgressAxis.Overdue)), new(Q(1, "Quý I/2024", 3), T(20m, ProgressAxis.OpenWithinDeadline)) };

        var cut = Render<TrendView>(p => p.Add(c => c.Trend, trend));

        Assert.Equal("Biểu đồ tiến độ qua các kỳ: Quý I/2024 20%; Quý II/2024 45%", cut.Find("[data-chart=trend]").GetAttribute("aria-label"));
        Assert.Equal(["Quý I/2024", "Quý II/2024"], cut.FindAll("[data-section=trend] tbody tr").Select(r => r.GetAttribute("data-period")));
        var overdue = cut.FindAll("[data-section=trend] tbody tr[data-period='Quý II/2024'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Quý II/2024", "45%", "0", "0", "0", "1", "0"], overdue);
    }
}
