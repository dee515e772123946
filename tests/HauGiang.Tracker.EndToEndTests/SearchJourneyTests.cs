using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public partial class SearchJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
        var staff = await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        await _page.SignInAsync(staff.Email!);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Typing_without_marks_in_the_app_bar_finds_the_item_and_the_keyboard_opens_it()
    {
        await _page.GotoInteractiveAsync("/");
        var box = _page.GetByRole(AriaRole.Combobox, new() { Name = "Tìm kiếm" });

        // One input event for the words: a key at a time on a machine the whole suite shares made a round trip each.
        await box.FillAsync("nguon nhan luc");
        await Assertions.Expect(box).ToHaveValueAsync("nguon nhan luc");

        var tasks = _page.GetByRole(AriaRole.Group, new() { Name = "Nhiệm vụ (1)" });
        // The first answer waits for the debounce and a query on a machine the whole suite shares: allow it time.
        await Assertions.Expect(tasks.GetByRole(AriaRole.Option)).ToContainTextAsync("Thu hút, đãi ngộ nguồn nhân lực chất lượng cao", new() { Timeout = 45_000 });
        await Assertions.Expect(_page.GetByRole(AriaRole.Group, new() { Name = "Văn bản (2)" }).GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await box.PressAsync("ArrowDown");
        // The page walk sees the box closed; the open list with an active option is checked here, at tablet width.
        await _page.SetViewportSizeAsync(1024, 768);
        var axe = await _page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await tasks.GetByRole(AriaRole.Option).GetAttributeAsync("id") ?? "");
        await box.PressAsync("Enter");

        await Assertions.Expect(_page).ToHaveURLAsync(ItemPage());
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thu hút, đãi ngộ nguồn nhân lực chất lượng cao");
    }

    [Fact]
    public async Task Enter_without_a_choice_opens_the_results_page_with_the_query_in_the_address()
    {
        await _page.GotoInteractiveAsync("/");
        var box = _page.GetByRole(AriaRole.Combobox, new() { Name = "Tìm kiếm" });

        // One input event for the words: a key at a time on a machine the whole suite shares made a round trip each.
        await box.FillAsync("so tai chinh");
        await Assertions.Expect(box).ToHaveValueAsync("so tai chinh");
        await Assertions.Expect(_page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await box.PressAsync("Enter");

        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("/tim-kiem\\?q=so%20tai%20chinh$"));
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Đơn vị (2)" })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("[data-group=Unit] a")).ToHaveCountAsync(2);
    }

    [GeneratedRegex("/muc/[0-9]+$")]
    private static partial Regex ItemPage();
}
