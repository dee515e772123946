using Bunit;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Web.Components.Pages.Overview;

namespace HauGiang.Tracker.ComponentTests.Overview;

public class UnitsTableTests : ComponentTest
{
    private static readonly UnitFact Finance = new(1, "CT-STC", "Sở Tài chính thành phố Cần Thơ", false, new DateOnly(2025, 7, 1), null, []);
    private static readonly UnitFact Home = new(2, "CT-SNV", "Sở Nội vụ thành phố Cần Thơ", false, new DateOnly(2025, 7, 1), null, []);
    private static readonly UnitFact OldFinance = new(3, "STC", "Sở Tài chính", false, null, new DateOnly(2025, 6, 30), [1]);

    private static FactItem Led(string code, UnitFact unit, ProgressAxis axis) =>
        OverviewSamples.Item(code, axis) is var i ? i with { Row = i.Row with { Lead = new UnitRef(unit.Id, unit.Name, null) } } : null!;

    private IRenderedComponent<UnitsTable> Table()
    {
        var facts = OverviewSamples.Facts([
            Led("A1", Finance, ProgressAxis.DoneOnTime), Led("A2", Finance, ProgressAxis.DoneOnTime), Led("A3", Finance, ProgressAxis.Overdue),
            Led("B1", Home, ProgressAxis.DoneOnTime), Led("B2", Home, ProgressAxis.OpenWithinDeadline),
        ]) with
        {
            Units = [Finance, Home, OldFinance],
            Activity = [new UnitActivity(3, new DateTime(2025, 6, 20, 3, 0, 0, DateTimeKind.Utc), 2, 1)],
        };
        return Render<UnitsTable>(p => p.Add(c => c.Facts, facts).Add(c => c.Scope, ItemFilter.Real).Add(c => c.Rows, UnitTable.Of(facts, ItemFilter.Real)));
    }

    [Fact]
    public void Units_are_listed_by_rank_with_their_on_time_rate()
    {
        var cut = Table();

        var rows = cut.FindAll("tbody tr:not(.former-unit)");
        Assert.Equal(["1", "2"], rows.Select(r => r.QuerySelector("[data-field=rank]")!.TextContent.Trim()));
        Assert.Equal(["Sở Nội vụ thành phố Cần Thơ", "Sở Tài chính thành phố Cần Thơ"], rows.Select(r => r.QuerySelector("[data-unit]")!.TextContent.Trim()));
        Assert.Equal(["100%", "66,7%"], rows.Select(r => r.QuerySelector("[data-field=rate]")!.TextContent.Trim()));
    }

    [Fact]
    public void An_ended_unit_shows_under_its_successor_with_its_own_record()
    {
        var cut = Table();

        var former = cut.Find("tr.former-unit");
        Assert.Contains("Trước đây: Sở Tài chính", former.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hoạt động đến ngày 30/06/2025", former.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chuyển giao cho: Sở Tài chính thành phố Cần Thơ", former.TextContent, StringComparison.Ordinal);
        Assert.Contains("20/06/2025", former.TextContent, StringComparison.Ordinal);
        // It follows its successor's row.
        Assert.Equal("Sở Tài chính thành phố Cần Thơ", former.PreviousElementSibling!.QuerySelector("[data-unit]")!.TextContent.Trim());
    }

    [Fact]
    public void Each_count_opens_the_list_of_the_units_items_in_that_state()
    {
        var cut = Table();

        var overdue = cut.Find("a[aria-label='1 mục chưa hoàn thành, quá hạn do Sở Tài chính thành phố Cần Thơ chủ trì']");
        Assert.Equal("danh-sach?chuong-trinh=1&don-vi=1&trang-thai=qua-han", overdue.GetAttribute("href"));
        Assert.Equal("1", overdue.TextContent.Trim());
    }

    private static List<string> Names(IRenderedComponent<UnitsTable> cut) =>
        [.. cut.FindAll("tbody tr:not(.former-unit) [data-unit]").Select(td => td.TextContent.Trim())];

    [Fact]
    public void A_header_sorts_by_its_column_and_a_second_press_the_other_way()
    {
        var cut = Table();
        Assert.Equal("ascending", cut.Find("th:has([data-sort=rank])").GetAttribute("aria-sort"));

        cut.Find("[data-sort=overdue]").Click();
        Assert.Equal(["Sở Nội vụ thành phố Cần Thơ", "Sở Tài chính thành phố Cần Thơ"], Names(cut));
        Assert.Equal("ascending", cut.Find("th:has([data-sort=overdue])").GetAttribute("aria-sort"));
        Assert.Null(cut.Find("th:has([data-sort=rank])").GetAttribute("aria-sort"));

        cut.Find("[data-sort=overdue]").Click();
        Assert.Equal(["Sở Tài chính thành phố Cần Thơ", "Sở Nội vụ thành phố Cần Thơ"], Names(cut));
        Assert.Equal("descending", cut.Find("th:has([data-sort=overdue])").GetAttribute("aria-sort"));
        // The ended unit stays under its successor whatever the order.
        Assert.Equal("Sở Tài chính thành phố Cần Thơ", cut.Find("tr.former-unit").PreviousElementSibling!.QuerySelector("[data-unit]")!.TextContent.Trim());
    }

    [Fact]
    public void A_count_of_zero_is_plain_text_not_a_link()
    {
        var cut = Table();

        var home = cut.FindAll("tbody tr:not(.former-unit)").Single(r => r.QuerySelector("[data-unit]")!.TextContent.Trim() == "Sở Nội vụ thành phố Cần Thơ");
        // Two led, one done on time; nothing late or overdue.
        Assert.Equal(["2", "1"], home.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Empty(home.QuerySelectorAll("a[aria-label*='quá hạn']"));
    }
}
