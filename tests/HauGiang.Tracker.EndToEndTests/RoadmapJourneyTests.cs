using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.EndToEndTests;

public partial class RoadmapJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    // The first answer can be slow when the whole suite shares two cores.
    private static readonly LocatorAssertionsToBeVisibleOptions FirstAnswer = new() { Timeout = 45_000 };

    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
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
    public async Task A_leader_zooms_to_quarters_filters_by_a_unit_opens_an_item_by_keyboard_and_downloads_the_PDF()
    {
        await _page.GotoInteractiveAsync("/");
        await _page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Lộ trình", Exact = true }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(RoadmapUrl());
        await _page.WaitForInteractiveAsync();
        await Assertions.Expect(_page.Locator(".rm-row").First).ToBeVisibleAsync(FirstAnswer);
        await Assertions.Expect(_page.Locator("[data-testid=roadmap-title]")).ToHaveTextAsync("Lộ trình thực hiện");

        await _page.Locator("[data-control=zoom] [data-zoom=quy]").ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(QuarterZoom());
        await Assertions.Expect(_page.Locator("[data-testid=roadmap-chart]")).ToHaveAttributeAsync("data-zoom", "quy");
        await Assertions.Expect(_page.Locator(".rm-ruler text", new() { HasText = "Quý I/2024" })).ToHaveCountAsync(1);

        // The seeded Program's own items have no lead unit yet (the source names none): the labelled samples do.
        await _page.GotoInteractiveAsync(new Uri(_page.Url).PathAndQuery + "&mau=1");
        await Assertions.Expect(_page.Locator(".rm-row").First).ToBeVisibleAsync(FirstAnswer);
        // A unit that leads work today (the picker offers the units in office on the day).
        var unit = await LeadingUnitAsync();
        var lead = "[data-testid=roadmap-table] tbody tr:not(.rm-table-milestone) td:nth-child(3)";
        var before = await _page.Locator("[data-testid=roadmap-count]").InnerTextAsync();
        await _page.Locator("select[data-control=unit]").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Assertions.Expect(_page).ToHaveURLAsync(UnitFilter());
        Assert.Contains("thu-phong=quy", _page.Url, StringComparison.Ordinal);
        await Assertions.Expect(_page.Locator("[data-testid=roadmap-count]")).Not.ToHaveTextAsync(before);
        var leads = await _page.Locator(lead).AllInnerTextsAsync();
        Assert.NotEmpty(leads);
        Assert.All(leads, lead => Assert.Equal(unit, lead.Trim()));

        var links = _page.Locator(".rm-row a.rm-label");
        await links.First.FocusAsync();
        var target = await links.First.GetAttributeAsync("href");
        if (await links.CountAsync() > 1)
        {
            await _page.Keyboard.PressAsync("ArrowDown");
            target = await _page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
            Assert.Equal(await links.Nth(1).GetAttributeAsync("href"), target);
        }
        var roadmap = _page.Url;
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex(Regex.Escape(target!) + "$"));
        await Assertions.Expect(_page.Locator("h1")).ToBeVisibleAsync();

        await _page.GotoInteractiveAsync(new Uri(roadmap).PathAndQuery);
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("[data-testid=pdf-a4]").ClickAsync());
        Assert.Matches(PdfName(), download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        var first = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Lộ trình thực hiện", first, StringComparison.Ordinal);
        Assert.Contains($"Đơn vị chủ trì: {unit}", first, StringComparison.Ordinal);
        Assert.Contains("Thu phóng theo: Quý", first, StringComparison.Ordinal);
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task The_roadmap_compared_with_a_past_day_passes_axe_and_fits_both_widths()
    {
        foreach (var width in new[] { 1366, 1024 })
        {
            await _page.SetViewportSizeAsync(width, 768);
            await _page.GotoInteractiveAsync("/lo-trinh?so-sanh=2022-06-30&thu-phong=thang&nhom-theo=don-vi");
            await Assertions.Expect(_page.Locator("[data-testid=roadmap-moves]")).ToBeVisibleAsync(FirstAnswer);
            await Assertions.Expect(_page.Locator(".rm-earlier").First).ToBeAttachedAsync();

            await _page.AssertAccessibleAndFitsAsync(width);
        }
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    private async Task<string> LeadingUnitAsync()
    {
        var roadmaps = _app.Services.GetRequiredService<RoadmapService>();
        var roadmap = (await roadmaps.GetAsync(new RoadmapRequest(new FactsRequest(), ItemFilter.Real with { Samples = true }), TestContext.Current.CancellationToken))!;
        var inOffice = roadmap.Facts.Units.Where(u => u.IsSample && (u.ValidFrom is null || u.ValidFrom <= roadmap.Facts.AsOf) && (u.ValidTo is null || u.ValidTo >= roadmap.Facts.AsOf)).Select(u => u.Id).ToHashSet();
        return roadmap.Rows.Select(r => r.Item.Row.Lead).First(l => l is not null && inOffice.Contains(l.Id))!.Name;
    }

    [GeneratedRegex(@"/lo-trinh$")]
    private static partial Regex RoadmapUrl();

    [GeneratedRegex(@"thu-phong=quy")]
    private static partial Regex QuarterZoom();

    [GeneratedRegex(@"don-vi=\d+")]
    private static partial Regex UnitFilter();

    [GeneratedRegex(@"^lo-trinh-\d{8}-a4\.pdf$")]
    private static partial Regex PdfName();
}
