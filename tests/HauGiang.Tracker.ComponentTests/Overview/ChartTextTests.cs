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

    [Fact]
    public void A_long_trend_keeps_every_period_in_the_chart_and_pages_the_table_from_the_latest()
    {
        // Thirty months: the table shows twelve at a time, the latest page first, the oldest page the six left over.
        var trend = Enumerable.Range(1, 30).Select(n =>
        {
            var start = new DateOnly(2024, 1, 1).AddMonths(n - 1);
            var period = new PeriodRef(n, PeriodKind.Month, $"T{n:00}", start, start.AddMonths(1).AddDays(-1), PeriodState.Closed, null);
            return new TrendPoint(period, Totals.Of([Samples.Row("A", progress: n)]));
        }).ToList();

        var cut = Render<TrendView>(p => p.Add(c => c.Trend, trend));
        IEnumerable<string?> Rows() => cut.FindAll("[data-section=trend] tbody tr").Select(r => r.GetAttribute("data-period"));

        Assert.Equal(30, cut.Find("[data-chart=trend]").GetAttribute("aria-label")!.Split("; ").Length);
        Assert.Equal(Enumerable.Range(19, 12).Select(n => $"T{n:00}"), Rows());
        Assert.Contains("Kỳ 19–30 trong 30 kỳ đã chốt", cut.Find("[data-control=trend-pager]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-page=later]").HasAttribute("disabled"));

        cut.Find("[data-page=earlier]").Click();
        Assert.Equal(Enumerable.Range(7, 12).Select(n => $"T{n:00}"), Rows());
        cut.Find("[data-page=earlier]").Click();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"T{n:00}"), Rows());
        Assert.True(cut.Find("[data-page=earlier]").HasAttribute("disabled"));

        cut.Find("[data-page=later]").Click();
        Assert.Equal(Enumerable.Range(7, 12).Select(n => $"T{n:00}"), Rows());
    }
}
