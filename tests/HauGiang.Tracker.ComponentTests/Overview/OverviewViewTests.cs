using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Web.Components.Pages.Overview;

namespace HauGiang.Tracker.ComponentTests.Overview;

public class OverviewViewTests : ComponentTest
{
    private IRenderedComponent<OverviewView> View(ProgramFacts facts, ItemFilter? scope = null) =>
        Render<OverviewView>(p => p.Add(c => c.Overview, ProgramOverview.Of(facts, scope ?? ItemFilter.Real)));

    [Theory]
    [InlineData("DoneOnTime", "3", "30%")]
    [InlineData("DoneLate", "1", "10%")]
    [InlineData("OpenWithinDeadline", "2", "20%")]
    [InlineData("Overdue", "3", "30%")]
    [InlineData("Undated", "1", "10%")]
    [InlineData("OverdueOver30", "3", "30%")]
    [InlineData("AtRisk", "2", "20%")]
    public void Each_card_shows_the_count_and_share_of_the_real_items(string bucket, string count, string share)
    {
        var cut = View(OverviewSamples.Mixed());

        Assert.Equal(count, cut.Find($"[data-card={bucket}] [data-count={bucket}]").TextContent.Trim());
        Assert.Equal($"{share} tổng số", cut.Find($"[data-card={bucket}] [data-share={bucket}]").TextContent.Trim());
        Assert.Equal("Tổng số mục: 10", cut.Find("[data-count=All]").TextContent.Trim());
    }

    [Fact]
    public void Each_count_opens_its_list_with_the_same_program_and_day()
    {
        var cut = View(OverviewSamples.Mixed(new DateOnly(2024, 6, 30), FactsBasis.PastDay));

        var overdue = cut.Find("[data-card=Overdue] a");
        Assert.Equal("/danh-sach?chuong-trinh=1&ngay=2024-06-30&trang-thai=qua-han", overdue.GetAttribute("href"));
        Assert.Equal("3 mục chưa hoàn thành, quá hạn", overdue.GetAttribute("aria-label"));
        Assert.Equal("/danh-sach?chuong-trinh=1&ngay=2024-06-30&trang-thai=qua-han-30", cut.Find("[data-card=OverdueOver30] a").GetAttribute("href"));
        Assert.Equal("/danh-sach?chuong-trinh=1&ngay=2024-06-30&loai=van-ban&trang-thai=qua-han", cut.Find("[data-doc=overdue] a").GetAttribute("href"));
        Assert.Equal("/danh-sach?chuong-trinh=1&ngay=2024-06-30&dot-pha=12&trang-thai=qua-han",
            cut.Find("[data-section=by-breakthrough] tr[data-heading='2'] a[href*='qua-han']").GetAttribute("href"));
    }

    [Fact]
    public void Todays_figures_link_without_a_day_so_a_bookmark_stays_today()
    {
        var cut = View(OverviewSamples.Mixed());

        Assert.Equal("/danh-sach?chuong-trinh=1&trang-thai=dung-han", cut.Find("[data-card=DoneOnTime] a").GetAttribute("href"));
    }

    [Fact]
    public void Sample_figures_never_appear_in_the_real_view()
    {
        var cut = View(OverviewSamples.Mixed());

        Assert.DoesNotContain("NV-0", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=sample-view]"));
        Assert.Equal("real", cut.Find(".overview-cards").GetAttribute("data-figures"));
    }

    [Fact]
    public void The_sample_view_says_so_and_counts_only_the_samples()
    {
        var cut = View(OverviewSamples.Mixed(), ItemFilter.Real with { Samples = true });

        Assert.StartsWith("Số liệu mẫu", cut.Find("[data-testid=sample-view]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Tổng số mục: 5", cut.Find("[data-count=All]").TextContent.Trim());
        Assert.Equal("5", cut.Find("[data-card=DoneOnTime] [data-count=DoneOnTime]").TextContent.Trim());
        Assert.Contains("mau=1", cut.Find("[data-card=DoneOnTime] a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_overdue_list_singles_out_work_overdue_more_than_30_days_in_words()
    {
        var cut = View(OverviewSamples.Mixed());

        var row = cut.Find("[data-section=overdue] tr[data-item=D1]");
        Assert.Contains("Quá hạn 331 ngày", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quá hạn trên 30 ngày", row.QuerySelector("[data-flag=over-30]")!.TextContent.Trim());
        Assert.Equal("muc/" + "D1".GetHashCode(StringComparison.Ordinal), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Xem tất cả (3)", cut.Find("[data-see-all=overdue]").TextContent.Trim());
    }

    [Fact]
    public void The_at_risk_list_gives_each_reason_under_the_rule_in_one_sentence()
    {
        var cut = View(OverviewSamples.Mixed());

        var rule = cut.Find("[data-testid=risk-rule]").TextContent;
        Assert.Contains($"đã qua từ {RiskRule.MinElapsed:0}% thời gian thực hiện", rule, StringComparison.Ordinal);
        Assert.Contains($"từ {RiskRule.Gap:0} điểm phần trăm trở lên", rule, StringComparison.Ordinal);
        Assert.Contains("Tiến độ chậm so với thời gian: đạt 40%, thời gian đã qua 100%", cut.Find("tr[data-item=C1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Không báo cáo hai kỳ liền", cut.Find("tr[data-item=E1]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_are_counted_against_required()
    {
        var cut = View(OverviewSamples.Mixed());

        Assert.Equal("1", cut.Find("[data-doc=required] a").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-doc=overdue] a").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-doc=on-time] a").TextContent.Trim());
    }

    [Fact]
    public void Indicators_read_met_not_met_or_no_data_in_words()
    {
        IndicatorFact I(string code, decimal? target, decimal? latest) =>
            new(code.Length, code, $"Chỉ tiêu {code}", "%", IndicatorDirection.HigherIsBetter, false, 2026, target, null, latest, latest is null ? null : "Quý III/2026");
        var facts = OverviewSamples.Facts([], indicators: [I("CT1", 50m, 60m), I("CT22", 50m, 40m), I("CT333", 50m, null)]);

        var cut = View(facts);

        Assert.Equal(["Đạt", "Chưa đạt", "Chưa có số liệu"], cut.FindAll("[data-section=indicators] td[data-verdict]").Select(td => td.TextContent.Trim()));
    }
}
