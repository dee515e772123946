using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public class OverviewJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
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
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_first_page_becomes_interactive_and_shows_the_three_breakthroughs()
    {
        await _page.GotoInteractiveAsync("/");

        await Assertions.Expect(_page.Locator("[data-breakthrough] h2")).ToHaveCountAsync(3);
        var headings = await _page.Locator("[data-breakthrough] h2").AllInnerTextsAsync();
        Assert.StartsWith("Đột phá 1: Nâng cao chất lượng nguồn nhân lực", headings[0], StringComparison.Ordinal);
        Assert.StartsWith("Đột phá 2: Hoàn thiện đồng bộ hệ thống cơ chế, chính sách", headings[1], StringComparison.Ordinal);
        Assert.StartsWith("Đột phá 3: Xây dựng định hướng chiến lược phát triển và quy hoạch tỉnh Hậu Giang", headings[2], StringComparison.Ordinal);
        Assert.Equal("Chương trình số 50-CTr/TU ngày 09/08/2021 của Ban Chấp hành Đảng bộ tỉnh Hậu Giang",
            (await _page.Locator("[data-testid=program-title] + *").InnerTextAsync()).Trim());
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Switching_to_the_groups_tab_shows_the_six_groups()
    {
        await _page.GotoInteractiveAsync("/");

        await _page.GetByRole(AriaRole.Tab, new() { Name = "Theo nhóm nhiệm vụ, giải pháp" }).ClickAsync();

        await Assertions.Expect(_page.Locator("[data-group]")).ToHaveCountAsync(6);
        Assert.StartsWith("Sáu là:", await _page.Locator("[data-group='6'] h2").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_leads_to_every_area()
    {
        await _page.GotoInteractiveAsync("/");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Văn bản" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Văn bản phải ban hành" })).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị" }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-unit='SKHDT']")).ToContainTextAsync("Chuyển giao cho: Sở Tài chính");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-period='Quý IV/2026']")).ToContainTextAsync("15/09/2026–14/12/2026");
        Assert.Empty(_consoleErrors);
    }
}
