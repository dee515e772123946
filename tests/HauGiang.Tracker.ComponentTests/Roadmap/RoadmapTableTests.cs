using Bunit;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web.Components.Pages.Roadmap;

namespace HauGiang.Tracker.ComponentTests.Roadmap;

public class RoadmapTableTests : ComponentTest
{
    [Fact]
    public void The_table_says_what_the_chart_draws_row_for_row()
    {
        var (facts, schedules) = RoadmapSamples.Three();
        var table = Render<RoadmapTable>(p => p.Add(c => c.Roadmap, RoadmapBuilder.Build(facts, schedules, ItemFilter.Real, RoadmapGrouping.Breakthrough)));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["1", "2", "2-m5", "3"], rows.Select(r => r.GetAttribute("data-row")));
        var adjusted = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("30/06/2023", adjusted[4]);
        Assert.StartsWith("29/02/2024", adjusted[5], StringComparison.Ordinal);
        Assert.Contains("159-KL/TU (20/12/2022)", adjusted[5], StringComparison.Ordinal);
        Assert.Equal("Chưa hoàn thành, trong hạn", adjusted[8]);
        Assert.Equal("Chưa xác định thời hạn", rows[3].QuerySelectorAll("td")[5].TextContent.Trim());
        Assert.Equal(9, table.FindAll("th[scope=col]").Count);
    }

    [Fact]
    public void A_large_roadmap_is_read_a_page_of_rows_at_a_time()
    {
        var table = Render<RoadmapTable>(p => p.Add(c => c.Roadmap, RoadmapSamples.Many(5000)));

        Assert.Equal(RoadmapTable.PageSize, table.FindAll("tbody tr").Count);
        Assert.Equal("Bảng dữ liệu lộ trình, trang 1/200", table.Find("caption").TextContent);
    }
}
