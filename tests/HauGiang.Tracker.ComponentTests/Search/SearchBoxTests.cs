using Bunit;
using HauGiang.Tracker.Core.Features.Search;
using HauGiang.Tracker.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.ComponentTests.Search;

public class SearchBoxTests : ComponentTest
{
    private static readonly SearchResults Found = new("nguon nhan luc",
    [
        new SearchGroup(SearchKind.Task, 3, [Hit(SearchKind.Task, 5, "NV-02", "Thu hút, đãi ngộ nguồn nhân lực chất lượng cao"), Hit(SearchKind.Task, 9, "NV-09", "Đào tạo nguồn nhân lực")]),
        new SearchGroup(SearchKind.Document, 1, [Hit(SearchKind.Document, 21, "VB-01", "Nghị quyết về phát triển nguồn nhân lực")]),
    ], false);

    private static SearchHit Hit(SearchKind kind, int id, string code, string title) => new(kind, id, code, title, "50-CTr/TU", false, $"muc/{id}");

    private readonly List<string> _asked = [];

    private IRenderedComponent<SearchBox> Box(TimeSpan? debounce = null, SearchResults? results = null) =>
        Render<SearchBox>(p => p
            .Add(c => c.Debounce, debounce ?? TimeSpan.Zero)
            .Add(c => c.Search, (query, ct) =>
            {
                _asked.Add(query);
                return Task.FromResult(results ?? Found);
            }));

    private static void Key(IRenderedComponent<SearchBox> cut, string key) => cut.Find("input").KeyDown(new KeyboardEventArgs { Key = key });

    private static List<string?> Selected(IRenderedComponent<SearchBox> cut) =>
        [.. cut.FindAll("[role=option]").Where(o => o.GetAttribute("aria-selected") == "true").Select(o => o.GetAttribute("data-link"))];

    [Fact]
    public void The_box_is_a_combobox_named_Tim_kiem()
    {
        var input = Box().Find("input");

        Assert.Equal("Tìm kiếm", input.GetAttribute("aria-label"));
        Assert.Equal("combobox", input.GetAttribute("role"));
        Assert.Equal("false", input.GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Typing_shows_the_results_grouped_by_kind_with_their_totals()
    {
        var cut = Box();

        cut.Find("input").Input("nguon nhan luc");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[role=listbox] [role=group]").Count));
        Assert.Equal(["Nhiệm vụ (3)", "Văn bản (1)"], cut.FindAll("[role=group] > [role=presentation]").Select(h => h.TextContent.Trim()));
        Assert.Equal(["muc/5", "muc/9"], cut.FindAll("[data-group=Task] [role=option]").Select(o => o.GetAttribute("data-link")));
        Assert.Contains("Nghị quyết về phát triển nguồn nhân lực", cut.Find("[data-group=Document] [role=option]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("input").GetAttribute("aria-expanded"));
        Assert.Equal(["nguon nhan luc"], _asked);
    }

    [Fact]
    public void Arrows_move_the_active_option_and_Enter_opens_it()
    {
        var cut = Box();
        cut.Find("input").Input("nguon nhan luc");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[role=option]")));

        Key(cut, "ArrowDown");
        Assert.Equal(["muc/5"], Selected(cut));
        Key(cut, "ArrowDown");
        Key(cut, "ArrowDown");
        Assert.Equal(["muc/21"], Selected(cut));
        Assert.Equal(cut.Find("[role=option][aria-selected=true]").Id, cut.Find("input").GetAttribute("aria-activedescendant"));
        Key(cut, "ArrowUp");
        Assert.Equal(["muc/9"], Selected(cut));

        Key(cut, "Enter");

        Assert.EndsWith("/muc/9", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=listbox]"));
    }

    [Fact]
    public void The_last_option_opens_every_result_and_up_from_the_top_reaches_it()
    {
        var cut = Box();
        cut.Find("input").Input("nguon nhan luc");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[role=option]")));

        Key(cut, "ArrowUp");
        Key(cut, "Enter");

        Assert.EndsWith("/tim-kiem?q=nguon%20nhan%20luc", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_closes_the_results()
    {
        var cut = Box();
        cut.Find("input").Input("nguon nhan luc");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[role=listbox]")));

        Key(cut, "Escape");

        Assert.Empty(cut.FindAll("[role=listbox]"));
        Assert.Equal("false", cut.Find("input").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void One_letter_asks_nothing_and_nothing_found_shows_no_list()
    {
        var cut = Box(results: SearchResults.Nothing("khong co"));

        cut.Find("input").Input("n");
        Assert.Empty(_asked);
        cut.Find("input").Input("khong co");

        cut.WaitForAssertion(() => Assert.Single(_asked));
        Assert.Empty(cut.FindAll("[role=listbox]"));
    }

    [Fact]
    public async Task Typing_on_within_the_pause_replaces_the_earlier_query()
    {
        var cut = Box(debounce: TimeSpan.FromMilliseconds(150));

        cut.Find("input").Input("ng");
        cut.Find("input").Input("nguon");
        await Task.Delay(400, Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Equal(["nguon"], _asked));
    }
}
