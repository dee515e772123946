using System.Globalization;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public partial class OverviewJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        var leader = await TestUsers.CreateAsync(_app.Services, "lanhdao@thu.local", Roles.Leader);
        await _page.SignInAsync(leader.Email!);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_first_page_is_the_overview_of_the_program_today()
    {
        await _page.GotoInteractiveAsync("/");

        Assert.Equal("Chương trình số 50-CTr/TU ngày 09/08/2021 · Nhiệm kỳ 2020–2025", (await _page.Locator("[data-testid=program-line]").InnerTextAsync()).Trim());
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 27/11/2026");
        await Assertions.Expect(_page.Locator("h1")).ToHaveCountAsync(1);
        var breakthroughs = await _page.Locator("[data-section=by-breakthrough] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(3, breakthroughs.Count);
        Assert.StartsWith("Đột phá 1: Nâng cao chất lượng nguồn nhân lực", breakthroughs[0], StringComparison.Ordinal);
        Assert.StartsWith("Đột phá 3: Xây dựng định hướng chiến lược phát triển và quy hoạch tỉnh Hậu Giang", breakthroughs[2], StringComparison.Ordinal);
        await Assertions.Expect(_page.Locator("[data-section=by-group] tbody tr")).ToHaveCountAsync(6);
        Assert.StartsWith("Sáu là:", await _page.Locator("[data-section=by-group] tbody tr").Nth(5).Locator("td").First.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(_page.Locator("[data-testid=risk-rule]")).ToContainTextAsync("Có nguy cơ chậm: nhiệm vụ chưa hoàn thành, chưa quá hạn");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_leader_follows_the_overdue_count_to_the_list_behind_it()
    {
        await _page.GotoInteractiveAsync("/");

        var overdue = _page.Locator("[data-card=Overdue] a");
        await Assertions.Expect(overdue).ToHaveAttributeAsync("aria-label", OverdueLabel());
        var count = int.Parse((await overdue.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        Assert.True(count > 0, "the seeded program has overdue work");
        await overdue.ClickAsync();

        await Assertions.Expect(_page).ToHaveURLAsync(OverdueList());
        await Assertions.Expect(_page.Locator("[data-testid=list-title]")).ToHaveTextAsync("Chưa hoàn thành, quá hạn");
        await Assertions.Expect(_page.Locator("[data-testid=list-count]")).ToHaveTextAsync($"{count} mục");
        var items = await _page.Locator("tr[data-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)");
        Assert.Equal(count, items.Length);

        // The URL is the view: a new page given it shows the same list.
        var copy = await _page.Context.NewPageAsync();
        await copy.GotoInteractiveAsync(new Uri(_page.Url).PathAndQuery);
        await Assertions.Expect(copy.Locator("[data-testid=list-count]")).ToHaveTextAsync($"{count} mục");
        Assert.Equal(items, await copy.Locator("tr[data-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)"));

        // Another day, the numbers of that day: the overview's count and the list's agree.
        await _page.GotoInteractiveAsync("/?ngay=2024-06-30");
        var then = int.Parse((await _page.Locator("[data-card=Overdue] a").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        await _page.Locator("[data-card=Overdue] a").ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(OverdueListOnTheDay());
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 30/06/2024");
        await Assertions.Expect(_page.Locator("[data-testid=list-count]")).ToHaveTextAsync($"{then} mục");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task The_day_of_the_figures_is_kept_in_the_URL_and_said_in_words()
    {
        await _page.GotoInteractiveAsync("/?ngay=2024-06-30");

        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 30/06/2024");
        await Assertions.Expect(_page.Locator("[data-card=Overdue] a")).ToHaveAttributeAsync("href", OverdueListOnTheDay());

        await _page.Locator("[data-control=today]").ClickAsync();

        // The button navigates inside the circuit (history.pushState): no page load to wait for, so
        // the URL is polled rather than awaited as a navigation.
        await Assertions.Expect(_page).ToHaveURLAsync(Root());
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 27/11/2026");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Comparing_two_days_shows_the_totals_side_by_side()
    {
        await _page.GotoInteractiveAsync("/?so-sanh=2024-06-30");

        await Assertions.Expect(_page.Locator("#compare-heading")).ToHaveTextAsync("So sánh ngày 30/06/2024 với ngày 27/11/2026");
        await Assertions.Expect(_page.Locator("[data-testid=compare-totals] tr[data-row=progress] td")).ToHaveCountAsync(3);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task The_navigation_leads_to_every_area()
    {
        await _page.GotoInteractiveAsync("/");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Văn bản phải ban hành" })).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị", Exact = true }).ClickAsync();
        // The province's bodies ended on 30/06/2025: each shows under the city's body that took its work over.
        var former = _page.Locator("tr.former-unit").First;
        await Assertions.Expect(former).ToContainTextAsync("Trước đây:");
        await Assertions.Expect(former).ToContainTextAsync("Hoạt động đến ngày 30/06/2025");
        await Assertions.Expect(former).ToContainTextAsync("thành phố Cần Thơ");
        await Assertions.Expect(_page.Locator("[data-testid=ranking-rule]")).ToContainTextAsync("tỷ lệ đúng hạn");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-period='Quý IV/2026']")).ToContainTextAsync("15/09/2026–14/12/2026");
        Assert.Empty(_consoleErrors);
    }

    [GeneratedRegex(@"^\d+ mục chưa hoàn thành, quá hạn$")]
    private static partial Regex OverdueLabel();

    [GeneratedRegex(@"/danh-sach\?chuong-trinh=\d+&trang-thai=qua-han$")]
    private static partial Regex OverdueList();

    [GeneratedRegex(@"ngay=2024-06-30&trang-thai=qua-han$")]
    private static partial Regex OverdueListOnTheDay();

    [GeneratedRegex(@"/$")]
    private static partial Regex Root();
}
