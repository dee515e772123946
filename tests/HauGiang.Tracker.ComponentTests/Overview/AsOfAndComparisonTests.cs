using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Web.Components.Pages.Overview;

namespace HauGiang.Tracker.ComponentTests.Overview;

public class AsOfAndComparisonTests : ComponentTest
{
    [Fact]
    public void The_day_of_the_figures_is_said_in_words()
    {
        var cut = Render<AsOfSentence>(p => p.Add(c => c.Facts, OverviewSamples.Mixed(new DateOnly(2024, 6, 30), FactsBasis.PastDay)));

        Assert.Equal("Số liệu tính đến ngày 30/06/2024", cut.Find("[data-testid=as-of]").TextContent.Trim());
    }

    [Fact]
    public void A_closed_period_is_named_with_the_day_it_closed()
    {
        var period = new PeriodRef(7, PeriodKind.Quarter, "Quý II/2024", new DateOnly(2024, 3, 15), new DateOnly(2024, 6, 14), PeriodState.Closed, new DateTime(2024, 6, 20, 3, 0, 0, DateTimeKind.Utc));
        var facts = OverviewSamples.Mixed(new DateOnly(2024, 6, 14), FactsBasis.ClosedPeriod) with { Period = period };

        var cut = Render<AsOfSentence>(p => p.Add(c => c.Facts, facts));

        Assert.Equal("Số liệu chốt kỳ Quý II/2024 (đóng ngày 20/06/2024)", cut.Find("[data-testid=as-of]").TextContent.Trim());
    }

    [Fact]
    public void The_comparison_shows_before_after_and_the_difference_then_what_changed()
    {
        var before = OverviewSamples.Facts(
            [OverviewSamples.Item("A", progress: 20m), OverviewSamples.Item("B", progress: 50m)], new DateOnly(2024, 6, 30), FactsBasis.PastDay);
        var after = OverviewSamples.Facts(
            [OverviewSamples.Item("A", ProgressAxis.DoneOnTime, progress: 100m), OverviewSamples.Item("B", ProgressAxis.Overdue, progress: 50m), OverviewSamples.Item("C", progress: 10m)]);

        var cut = Render<ComparisonView>(p => p.Add(c => c.Comparison, Comparison.Of(before, after, ItemFilter.Real)));

        Assert.Equal("So sánh ngày 30/06/2024 với ngày 27/11/2026", cut.Find("#compare-heading").TextContent.Trim());
        var progress = cut.FindAll("tr[data-row=progress] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["35%", "53,3%", "+18,3%"], progress);
        var overdue = cut.FindAll("tr[data-row=Overdue] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["0 (0%)", "1 (33,3%)", "+1 (+33,3 điểm phần trăm)"], overdue);
        Assert.Equal(["A", "B"], cut.FindAll("[data-changes=status-changed] li").Select(li => li.GetAttribute("data-item")));
        Assert.Equal("Chưa hoàn thành, trong hạn → Đã hoàn thành đúng hạn", cut.Find("[data-changes=status-changed] li[data-item=A] [data-field=change]").TextContent);
        Assert.Equal("20% → 100% (+80%)", cut.Find("[data-changes=percent-changed] li[data-item=A] [data-field=change]").TextContent);
        Assert.Equal(["B"], cut.FindAll("[data-changes=became-overdue] li").Select(li => li.GetAttribute("data-item")));
        Assert.Equal(["A"], cut.FindAll("[data-changes=completed] li").Select(li => li.GetAttribute("data-item")));
        Assert.Equal(["C"], cut.FindAll("[data-changes=added] li").Select(li => li.GetAttribute("data-item")));
    }

    [Fact]
    public void Long_lists_of_changes_show_the_first_twenty_and_say_how_many_more()
    {
        var codes = Enumerable.Range(1, 25).Select(n => $"X{n}").ToList();
        var before = OverviewSamples.Facts(codes.Select(c => OverviewSamples.Item(c)), new DateOnly(2024, 6, 30), FactsBasis.PastDay);
        var after = OverviewSamples.Facts(codes.Select(c => OverviewSamples.Item(c, ProgressAxis.Overdue)));

        var cut = Render<ComparisonView>(p => p.Add(c => c.Comparison, Comparison.Of(before, after, ItemFilter.Real)));

        Assert.Equal(ComparisonView.ListLength, cut.FindAll("[data-changes=became-overdue] li").Count);
        Assert.Equal("… và 5 mục khác.", cut.Find("[data-changes=became-overdue] [data-field=more]").TextContent.Trim());
    }
}
