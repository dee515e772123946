using Bunit;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web.Components.Pages.Roadmap;

namespace HauGiang.Tracker.ComponentTests.Roadmap;

public class RoadmapChartTests : ComponentTest
{
    private IRenderedComponent<RoadmapChart> RenderThree(TimelineZoom zoom = TimelineZoom.Year)
    {
        var (facts, schedules) = RoadmapSamples.Three();
        var roadmap = RoadmapBuilder.Build(facts, schedules, ItemFilter.Real, RoadmapGrouping.Breakthrough);
        return Render<RoadmapChart>(p => p.Add(c => c.Roadmap, roadmap).Add(c => c.Zoom, zoom));
    }

    [Fact]
    public void Each_item_and_milestone_is_a_row_under_its_heading_that_links_to_the_item()
    {
        var chart = RenderThree();

        var heading = chart.Find("[role=heading]");
        Assert.Equal("Đột phá 1: Nâng cao chất lượng nguồn nhân lực (3)", heading.TextContent.Trim());
        var rows = chart.FindAll(".rm-row");
        Assert.Equal(["1", "2", "2-m5", "3"], rows.Select(r => r.GetAttribute("data-row")));
        Assert.Equal("muc/2", rows[2].QuerySelector("a.rm-label")!.GetAttribute("href"));
    }

    [Fact]
    public void A_row_is_named_in_words_with_its_status_plan_and_the_decision_that_moved_its_deadline()
    {
        var chart = RenderThree();

        var name = chart.Find("[data-row='1'] a.rm-label").GetAttribute("aria-label");
        Assert.Equal("NV-01 Xây dựng đề án đào tạo nguồn nhân lực chất lượng cao. Chưa hoàn thành, trong hạn, 40%. Kế hoạch 01/01/2022–29/02/2024. "
            + "Hạn ban đầu 30/06/2023. Hạn điều chỉnh 29/02/2024 theo 159-KL/TU (20/12/2022).", name);
        Assert.Equal("Chưa hoàn thành, trong hạn · 40%", chart.Find("[data-row='1'] .rm-status").TextContent);
    }

    [Fact]
    public void Deadline_markers_carry_their_decision_on_hover_and_a_milestone_is_a_diamond()
    {
        var chart = RenderThree();

        Assert.Equal("Hạn ban đầu 30/06/2023", chart.Find("[data-row='1'] .rm-m-OriginalDeadline title").TextContent);
        Assert.Equal("Hạn điều chỉnh 29/02/2024 theo 159-KL/TU (20/12/2022)", chart.Find("[data-row='1'] .rm-m-AdjustedDeadline title").TextContent);
        Assert.Equal("Hoàn thành ngày 15/11/2023", chart.Find("[data-row='2'] .rm-m-Completion title").TextContent);
        Assert.Contains("Mốc: Trình Ban Thường vụ cho ý kiến dự thảo, hạn 30/09/2023, đã xong ngày 28/09/2023", chart.Find("[data-row='2-m5'] .rm-m-MilestoneDone title").TextContent);
    }

    [Fact]
    public void An_undated_row_says_so_and_draws_no_bar()
    {
        var chart = RenderThree();

        var row = chart.Find("[data-row='3']");
        Assert.Equal("Chưa xác định thời hạn", row.QuerySelector(".rm-undated")!.TextContent);
        Assert.Null(row.QuerySelector(".rm-plan"));
        Assert.Equal("Undated", row.GetAttribute("data-status"));
    }

    [Fact]
    public void The_drawing_is_hidden_from_screen_readers_inside_a_focusable_named_region()
    {
        var chart = RenderThree();

        var region = chart.Find("[data-testid=roadmap-chart]");
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("Biểu đồ lộ trình, 5 dòng", region.GetAttribute("aria-label"));
        Assert.All(chart.FindAll("svg"), svg => Assert.NotNull(svg.Closest("[aria-hidden='true']")));
        Assert.All(chart.FindAll("a.rm-track-link"), a => Assert.Equal("-1", a.GetAttribute("tabindex")));
    }

    [Theory]
    [InlineData(TimelineZoom.Year, 10, "2021")]
    [InlineData(TimelineZoom.Quarter, 40, "Quý I/2021")]
    [InlineData(TimelineZoom.Month, 120, "01/2021")]
    public void The_ruler_follows_the_zoom(TimelineZoom zoom, int ticks, string first)
    {
        var chart = RenderThree(zoom);

        var labels = chart.FindAll(".rm-ruler .rm-tick-minor");
        Assert.Equal(ticks, labels.Count);
        Assert.Equal(first, chart.FindAll(".rm-ruler text.rm-tick-label")[zoom == TimelineZoom.Year ? 0 : 10].TextContent);
    }

    [Fact]
    public void Thousands_of_rows_are_not_all_put_in_the_page()
    {
        var chart = Render<RoadmapChart>(p => p.Add(c => c.Roadmap, RoadmapSamples.Many(5000)).Add(c => c.Zoom, TimelineZoom.Year));

        var rendered = chart.FindAll(".rm-row").Count;
        Assert.InRange(rendered, 0, 200);
        Assert.True(chart.Markup.Length < 300_000, $"{chart.Markup.Length} characters");
    }
}
