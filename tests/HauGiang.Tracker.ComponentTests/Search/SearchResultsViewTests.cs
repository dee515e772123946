using Bunit;
using HauGiang.Tracker.Core.Features.Search;
using HauGiang.Tracker.Web.Components.Pages.Search;

namespace HauGiang.Tracker.ComponentTests.Search;

public class SearchResultsViewTests : ComponentTest
{
    private IRenderedComponent<SearchResultsView> View(SearchResults results) => Render<SearchResultsView>(p => p.Add(c => c.Results, results));

    [Fact]
    public void Nothing_found_says_so_with_the_query()
    {
        var cut = View(SearchResults.Nothing("xyz khong co"));

        Assert.Equal("Không tìm thấy kết quả cho “xyz khong co”.", cut.Find("[data-testid=search-nothing]").TextContent.Trim());
        Assert.Empty(cut.FindAll("h2"));
    }

    [Fact]
    public void A_query_too_short_asks_for_more()
    {
        var cut = View(SearchResults.Nothing("d"));

        Assert.Contains("Nhập ít nhất 2 ký tự", cut.Find("[data-testid=search-too-short]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_has_a_heading_with_its_count_and_links_to_what_was_found()
    {
        var results = new SearchResults("tai chinh",
        [
            new SearchGroup(SearchKind.Task, 60, [new SearchHit(SearchKind.Task, 4, "NV-04", "Rà soát tài chính", "50-CTr/TU", true, "muc/4")]),
            new SearchGroup(SearchKind.Unit, 1, [new SearchHit(SearchKind.Unit, 7, "STC", "Sở Tài chính", null, false, "don-vi?don-vi=7")]),
        ], SeveralPrograms: true);

        var cut = View(results);

        Assert.Equal(["Nhiệm vụ (60)", "Đơn vị (1)"], cut.FindAll("section h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("muc/4", cut.Find("[data-group=Task] a").GetAttribute("href"));
        Assert.Contains("Chương trình 50-CTr/TU", cut.Find("[data-group=Task] a").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-group=Task] [data-sample]"));
        Assert.Contains("Hiển thị 1 trên 60 kết quả.", cut.Find("[data-group=Task]").TextContent, StringComparison.Ordinal);
        Assert.Equal("don-vi?don-vi=7", cut.Find("[data-group=Unit] a").GetAttribute("href"));
    }
}
