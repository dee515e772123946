using System.Globalization;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public partial class OverviewJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
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
        Assert.Empty(Browser.ConsoleErrors(_page));
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
        Assert.Empty(Browser.ConsoleErrors(_page));
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
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task Comparing_two_days_shows_the_totals_side_by_side_and_passes_axe_at_both_widths()
    {
        foreach (var width in new[] { 1366, 1024 })
        {
            await _page.SetViewportSizeAsync(width, 768);
            await _page.GotoInteractiveAsync("/?so-sanh=2024-06-30");

            await Assertions.Expect(_page.Locator("#compare-heading")).ToHaveTextAsync("So sánh ngày 30/06/2024 với ngày 27/11/2026");
            await Assertions.Expect(_page.Locator("[data-testid=compare-totals] tr[data-row=progress] td")).ToHaveCountAsync(3);
            await _page.AssertAccessibleAndFitsAsync(width);
        }
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task A_day_typed_in_the_date_fields_shows_its_figures_and_compares_them_with_a_second_day()
    {
        await _page.GotoInteractiveAsync("/");

        await _page.Locator("input[type=date][data-control=day]").FillAsync("2024-06-30");

        await Assertions.Expect(_page).ToHaveURLAsync(DayInTheAddress());
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 30/06/2024");

        await _page.Locator("input[type=date][data-control=compare-day]").FillAsync("2023-12-31");

        await Assertions.Expect(_page.Locator("#compare-heading")).ToHaveTextAsync("So sánh ngày 31/12/2023 với ngày 30/06/2024");
        Assert.Empty(Browser.ConsoleErrors(_page));
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
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task A_confirmed_report_moves_the_leaders_numbers_and_roadmap_and_an_explanation_is_asked_and_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        await _page.GotoInteractiveAsync("/?mau=1");
        await Assertions.Expect(_page.Locator("[data-figures=sample]")).ToBeVisibleAsync();
        int Count(string text) => int.Parse(text.Trim(), CultureInfo.InvariantCulture);
        var overdue = Count(await _page.Locator("[data-card=Overdue] a").InnerTextAsync());
        var doneLate = Count(await _page.Locator("[data-card=DoneLate] a").InnerTextAsync());

        // CT-SGDDT reports NV-04 (due in 2024) finished and the office confirms it: done, late.
        int itemId;
        await using (var db = _database.NewContext())
        {
            itemId = db.WorkItems.Where(i => i.Code == "NV-04").Select(i => i.Id).Single();
        }
        var services = _app.Services;
        var staff = await TestUsers.ActorAsync(services, await TestUsers.CreateAsync(services, "canbo.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT"));
        var office = await TestUsers.ActorAsync(services, await TestUsers.CreateAsync(services, "vanphong@thu.local", Roles.MonitoringOffice));
        int periodId;
        await using (var db = _database.NewContext())
        {
            periodId = db.Periods.Where(p => p.Label == "Quý IV/2026").Select(p => p.Id).Single();
        }
        async Task<uint> VersionAsync(int reportId)
        {
            await using var db = _database.NewContext();
            return db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).Single();
        }
        var reports = services.GetRequiredService<ProgressReportService>();
        var input = new ReportInput(itemId, periodId, 100, "Đã có 10/10 trường đạt chuẩn.", null, null, null, new DateOnly(2026, 11, 20));
        var (draft, reportId) = await reports.SaveAsync(staff, input, null, null, submit: false, ct);
        Assert.True(draft.Succeeded, string.Join(" ", draft.Errors.Values));
        Assert.True((await services.GetRequiredService<EvidenceService>().AddLinkAsync(staff, reportId!.Value, "https://sgddt.cantho.gov.vn/tin/truong-dat-chuan", null, ct)).Succeeded);
        var (submitted, _) = await reports.SaveAsync(staff, input, await VersionAsync(reportId.Value), null, submit: true, ct);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
        var version = await VersionAsync(reportId.Value);
        Assert.True((await services.GetRequiredService<ReviewService>().ReviewAsync(office, reportId.Value, version, confirm: true, null, ct)).Succeeded);

        await _page.ReloadAsync();
        await _page.WaitForInteractiveAsync();
        await Assertions.Expect(_page.Locator("[data-card=Overdue] a")).ToHaveTextAsync((overdue - 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(_page.Locator("[data-card=DoneLate] a")).ToHaveTextAsync((doneLate + 1).ToString(CultureInfo.InvariantCulture));
        await _page.GotoInteractiveAsync("/lo-trinh?mau=1");
        await Assertions.Expect(_page.Locator($"[data-row='{itemId}'][data-status]").First).ToHaveAttributeAsync("data-status", "DoneLate");

        // The list behind the overdue number, one of its items, and a question to the unit that leads it.
        await _page.GotoInteractiveAsync("/?mau=1");
        await _page.Locator("[data-card=Overdue] a").ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=list-count]")).ToHaveTextAsync($"{overdue - 1} mục");
        await Assertions.Expect(_page.Locator("tr[data-item='NV-04']")).ToHaveCountAsync(0);
        await _page.Locator("tr[data-item='NV-06'] a").First.ClickAsync();
        await Assertions.Expect(_page.Locator("h1")).ToContainTextAsync("hệ thống hóa văn bản quy phạm pháp luật");
        await _page.GetByTestId("request-explanation").ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("textarea[data-field=question], [data-field=question] textarea").First.FillAsync("Vì sao việc rà soát văn bản chưa xong sau hạn Quý II/2022?");
        await dialog.GetByTestId("save-explanation").ClickAsync();
        await Assertions.Expect(_page.GetByTestId("explanations")).ToContainTextAsync("Chờ đơn vị trả lời");

        // The unit that leads NV-06 answers from its own list.
        var unitPage = await browser.OpenAsync(_app.RootUri!);
        try
        {
            await TestUsers.CreateAsync(services, "canbo.stp@thu.local", Roles.UnitStaff, "CT-STP");
            await unitPage.SignInAsync("canbo.stp@thu.local");
            await unitPage.GotoInteractiveAsync("/viec-cua-don-vi");
            var asked = unitPage.GetByTestId("open-explanations");
            await Assertions.Expect(asked).ToContainTextAsync("Vì sao việc rà soát văn bản chưa xong sau hạn Quý II/2022?");
            await asked.GetByRole(AriaRole.Link).First.ClickAsync();
            await unitPage.GetByTestId("explanations").GetByTestId("answer").ClickAsync();
            var answer = unitPage.GetByRole(AriaRole.Dialog);
            await answer.Locator("textarea[data-field=answer], [data-field=answer] textarea").First.FillAsync("Còn 12 văn bản chờ ý kiến các sở; xong trong tháng 12/2026.");
            await answer.GetByTestId("save-explanation").ClickAsync();
            await Assertions.Expect(unitPage.GetByTestId("explanations")).ToContainTextAsync("Còn 12 văn bản chờ ý kiến các sở");
            Assert.Empty(Browser.ConsoleErrors(unitPage));
        }
        finally
        {
            await Browser.CloseAsync(unitPage.Context);
        }

        await _page.ReloadAsync();
        await _page.WaitForInteractiveAsync();
        await Assertions.Expect(_page.GetByTestId("explanations")).ToContainTextAsync("Còn 12 văn bản chờ ý kiến các sở; xong trong tháng 12/2026.");
        await Assertions.Expect(_page.GetByTestId("explanations")).Not.ToContainTextAsync("Chờ đơn vị trả lời");
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [GeneratedRegex(@"^\d+ mục chưa hoàn thành, quá hạn$")]
    private static partial Regex OverdueLabel();

    [GeneratedRegex(@"/danh-sach\?chuong-trinh=\d+&trang-thai=qua-han$")]
    private static partial Regex OverdueList();

    [GeneratedRegex(@"ngay=2024-06-30&trang-thai=qua-han$")]
    private static partial Regex OverdueListOnTheDay();

    [GeneratedRegex(@"/$")]
    private static partial Regex Root();

    [GeneratedRegex(@"/\?ngay=2024-06-30$")]
    private static partial Regex DayInTheAddress();
}
