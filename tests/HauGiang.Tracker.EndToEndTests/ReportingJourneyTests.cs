using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// A unit's staff report in the browser: with evidence, returned and confirmed by the office, by keyboard alone,
/// through a dropped connection and against a colleague's save; another unit's staff cannot reach their drafts.
/// </summary>
public class ReportingJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private Uri _root = null!;
    private readonly List<IPage> _pages = [];

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _root = _app.StartOnRealPort();
        await TestUsers.CreateAsync(_app.Services, "canbo.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT");
        await TestUsers.CreateAsync(_app.Services, "vanphong@thu.local", Roles.MonitoringOffice);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await Browser.CloseAsync(page.Context);
        }
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.OpenAsync(_root);
        _pages.Add(page);
        await page.SignInAsync(email);
        return page;
    }

    [Fact]
    public async Task A_unit_reports_the_office_returns_it_and_then_confirms_the_fixed_report()
    {
        var staff = await SignedInAsync("canbo.sgddt@thu.local");
        await staff.Locator("[data-nav=my-work]").ClickAsync();
        var row = staff.Locator("tr[data-item='NV-04']");
        await row.GetByTestId("report").ClickAsync();
        await staff.WaitForInteractiveAsync();

        // Submitting with nothing written: the messages appear next to the fields, nothing is sent.
        await staff.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(staff.GetByText("Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.")).ToBeVisibleAsync();

        await staff.Locator("[data-field=percent] input, input[data-field=percent]").FillAsync("70");
        await staff.Locator("textarea[data-field=results], [data-field=results] textarea").First.FillAsync("Thêm 4 trường đạt chuẩn quốc gia.");
        await staff.Locator("textarea[data-field=next-steps], [data-field=next-steps] textarea").First.FillAsync("Hoàn thiện hồ sơ 2 trường còn lại.");
        // Evidence is attached to a saved draft: a text file named .pdf is refused by what it holds, a real PDF kept.
        await staff.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(staff.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();
        var upload = staff.Locator("[data-testid=report-editor] input[type=file]").First;
        await upload.SetBlazorInputFilesAsync(new FilePayload { Name = "bien-ban.pdf", MimeType = "application/pdf", Buffer = "chỉ là chữ"u8.ToArray() });
        await Assertions.Expect(staff.GetByTestId("evidence-error")).ToContainTextAsync("Nội dung tệp “bien-ban.pdf” không phải PDF như tên tệp.");
        await Assertions.Expect(staff.GetByTestId("no-evidence")).ToBeVisibleAsync();
        await upload.SetBlazorInputFilesAsync(new FilePayload { Name = "bien-ban-kiem-tra.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Bien ban kiem tra") });
        await Assertions.Expect(staff.Locator("[data-testid=evidence] li")).ToHaveCountAsync(1);
        await Assertions.Expect(staff.Locator("[data-testid=evidence] li")).ToContainTextAsync("bien-ban-kiem-tra.pdf");
        await Assertions.Expect(staff.GetByTestId("evidence-error")).ToHaveCountAsync(0);
        await staff.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("blocked")).ToContainTextAsync("chờ Văn phòng theo dõi xác nhận");
        // Pending on the item page, with the file the office will see.
        await staff.GotoInteractiveAsync($"/muc/{await ItemIdAsync("NV-04")}");
        var pending = staff.Locator("[data-report]").Filter(new() { HasText = "Quý IV/2026" });
        await Assertions.Expect(pending.Locator("[data-review]")).ToHaveTextAsync("Chờ xác nhận");
        await Assertions.Expect(pending).ToContainTextAsync("bien-ban-kiem-tra.pdf");

        var office = await SignedInAsync("vanphong@thu.local");
        await office.Locator("[data-nav=review]").ClickAsync();
        var queued = office.Locator("[data-queue-report]").Filter(new() { HasText = "NV-04" });
        await Assertions.Expect(queued).ToContainTextAsync("70%");
        await queued.GetByTestId("return-report").ClickAsync();
        await office.Locator("[data-field=reason] textarea, textarea[data-field=reason]").First.FillAsync("Ghi rõ tên 4 trường.");
        await office.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(office.GetByText("Đã trả lại NV-04 cho đơn vị.")).ToBeVisibleAsync();

        await staff.GotoInteractiveAsync($"/muc/{await ItemIdAsync("NV-04")}/bao-cao");
        await Assertions.Expect(staff.GetByTestId("return-reason")).ToContainTextAsync("Ghi rõ tên 4 trường.");
        await staff.Locator("textarea[data-field=results], [data-field=results] textarea").First.FillAsync("Thêm 4 trường đạt chuẩn: A, B, C, D.");
        await staff.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("blocked")).ToBeVisibleAsync();

        await office.ReloadAsync();
        await office.WaitForInteractiveAsync();
        await office.Locator("[data-queue-report]").Filter(new() { HasText = "NV-04" }).GetByTestId("confirm-report").ClickAsync();
        await Assertions.Expect(office.GetByText("Đã xác nhận NV-04.")).ToBeVisibleAsync();

        await office.GotoInteractiveAsync($"/muc/{await ItemIdAsync("NV-04")}");
        var report = office.Locator("[data-report]").Filter(new() { HasText = "Quý IV/2026" });
        await Assertions.Expect(report.Locator("[data-review]")).ToHaveTextAsync("Đã xác nhận");
        await Assertions.Expect(report).ToContainTextAsync("Thêm 4 trường đạt chuẩn: A, B, C, D.");
        await Assertions.Expect(office.GetByTestId("change-history")).ToContainTextAsync("Người thử MonitoringOffice");
        var history = report.GetByTestId("review-history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history.Locator("li")).ToHaveCountAsync(4); // submitted, returned, submitted, confirmed
        await Assertions.Expect(history.Locator("li").Nth(1)).ToContainTextAsync("Bị trả lại · Ghi rõ tên 4 trường.");
    }

    [Fact]
    public async Task A_results_field_of_20000_Vietnamese_letters_is_saved_whole_through_the_page()
    {
        var text = new string('ệ', 20_000); // 60,000 bytes in UTF-8: the circuit used to drop near 16 KB
        var staff = await SignedInAsync("canbo.sgddt@thu.local");
        await staff.GotoInteractiveAsync($"/muc/{await ItemIdAsync("NV-04")}/bao-cao");
        var results = staff.Locator("textarea[data-field=results], [data-field=results] textarea").First;

        await results.FillAsync(text);
        await staff.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(staff.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();

        await using (var db = _database.NewContext())
        {
            var id = await ItemIdAsync("NV-04");
            Assert.Equal(text, db.Reports.Where(r => r.WorkItemId == id && r.State == ReviewState.Draft).Select(r => r.Results).Single());
        }
        await staff.ReloadAsync();
        await staff.WaitForInteractiveAsync();
        Assert.Equal(20_000, (await results.InputValueAsync()).Length);
        Assert.Equal(text, await results.InputValueAsync());
    }

    [Fact]
    public async Task Two_people_of_a_unit_edit_the_same_report_and_the_second_is_told_what_changed_without_losing_a_word()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo2.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT");
        var form = $"/muc/{await ItemIdAsync("NV-04")}/bao-cao";
        var first = await SignedInAsync("canbo.sgddt@thu.local");
        await first.GotoInteractiveAsync(form);
        await Field(first, "results").FillAsync("Đã khảo sát 12 trường.");
        await first.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(first.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();

        // Both open the draft; the first saves again before the second.
        var second = await SignedInAsync("canbo2.sgddt@thu.local");
        await second.GotoInteractiveAsync(form);
        await Assertions.Expect(Field(second, "results")).ToHaveValueAsync("Đã khảo sát 12 trường.");
        await Field(first, "results").FillAsync("Đã khảo sát 15 trường.");
        await first.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(first.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();
        await Field(second, "next-steps").FillAsync("Lập hồ sơ công nhận cho 3 trường.");
        await second.GetByTestId("save-draft").ClickAsync();

        var conflict = second.GetByTestId("form-error");
        await Assertions.Expect(conflict).ToContainTextAsync("Người khác vừa lưu thay đổi cho mục này trước bạn");
        await Assertions.Expect(conflict).ToContainTextAsync("Kết quả đạt được: “Đã khảo sát 12 trường.” → “Đã khảo sát 15 trường.”");
        await Assertions.Expect(Field(second, "next-steps")).ToHaveValueAsync("Lập hồ sơ công nhận cho 3 trường.");
        await using var db = _database.NewContext();
        var id = await ItemIdAsync("NV-04");
        var saved = db.Reports.Where(r => r.WorkItemId == id && r.State == ReviewState.Draft).Select(r => new { r.Results, r.NextSteps }).Single();
        Assert.Equal(("Đã khảo sát 15 trường.", (string?)null), (saved.Results, saved.NextSteps));
    }

    [Fact]
    public async Task Staff_of_another_unit_reach_neither_the_report_form_nor_its_evidence_by_the_page_or_the_address()
    {
        // CT-SGDDT's draft of NV-04 with a file: unfinished work of that unit only.
        var id = await ItemIdAsync("NV-04");
        var owner = await TestUsers.ActorAsync(_app.Services, await UserAsync("canbo.sgddt@thu.local"));
        var (saved, reportId) = await _app.Services.GetRequiredService<ProgressReportService>().SaveAsync(
            owner, new ReportInput(id, await CurrentPeriodIdAsync(), 30, "Đang khảo sát.", null, null, null, null), null, null, submit: false, Ct);
        Assert.True(saved.Succeeded);
        Assert.True((await _app.Services.GetRequiredService<EvidenceService>().AddFileAsync(owner, reportId!.Value,
            new EvidenceFile("bien-ban-noi-bo.pdf", null, SampleFiles.Pdf("Noi bo")), null, Ct)).Succeeded);
        int evidenceId;
        await using (var db = _database.NewContext())
        {
            evidenceId = db.Evidence.Where(e => e.ReportId == reportId).Select(e => e.Id).Single();
        }
        var download = $"/tep/minh-chung/{evidenceId}";

        // Its own staff fetch the file (so the refusal below is about the unit, not a broken address).
        var ownStaff = await SignedInAsync("canbo.sgddt@thu.local");
        var own = await ownStaff.Context.APIRequest.GetAsync(download);
        Assert.Equal(200, own.Status);
        Assert.Equal(SampleFiles.Pdf("Noi bo"), await own.BodyAsync());

        await TestUsers.CreateAsync(_app.Services, "canbo.snv@thu.local", Roles.UnitStaff, "CT-SNV");
        var other = await SignedInAsync("canbo.snv@thu.local");
        await other.Locator("[data-nav=my-work]").ClickAsync();
        await Assertions.Expect(other.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("tr[data-item='NV-04']")).ToHaveCountAsync(0);

        await other.GotoInteractiveAsync($"/muc/{id}");
        await Assertions.Expect(other.GetByTestId("item-actions")).ToBeAttachedAsync();
        await Assertions.Expect(other.GetByTestId("open-report")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync("bien-ban-noi-bo.pdf");

        // Typed addresses: the form is refused in words, the file answers like a file that does not exist.
        await other.GotoInteractiveAsync($"/muc/{id}/bao-cao");
        await Assertions.Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("report-editor")).ToHaveCountAsync(0);
        Browser.ExpectConsoleError(other, new Regex("status of 404"));
        var typed = await other.GotoAsync(download);
        Assert.Equal(404, typed!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang");
        var fetched = await other.Context.APIRequest.GetAsync(download);
        Assert.Equal(404, fetched.Status);
        Assert.DoesNotContain("Noi bo", await fetched.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_is_filled_and_submitted_with_the_keyboard_alone()
    {
        var staff = await SignedInAsync("canbo.sgddt@thu.local");
        await staff.GotoInteractiveAsync("/viec-cua-don-vi");
        await staff.TabToAsync(staff.Locator("tr[data-item='NV-04']").GetByTestId("report"), limit: 120);
        await staff.Keyboard.PressAsync("Enter");
        await Assertions.Expect(staff.GetByTestId("report-editor")).ToBeVisibleAsync();
        await staff.WaitForInteractiveAsync();

        await staff.TabToAsync(staff.Locator("[data-field=percent] input, input[data-field=percent]").First);
        await staff.Keyboard.PressAsync("Control+A");
        await staff.Keyboard.TypeAsync("60");
        await staff.TabToAsync(Field(staff, "results"));
        await staff.Keyboard.TypeAsync("Đã có 6 trường đạt chuẩn.");
        await staff.TabToAsync(Field(staff, "next-steps"));
        await staff.Keyboard.TypeAsync("Hoàn thiện hồ sơ 4 trường.");
        await staff.TabToAsync(staff.GetByTestId("submit-report"));
        await staff.Keyboard.PressAsync("Enter");

        await Assertions.Expect(staff.GetByTestId("blocked")).ToContainTextAsync("chờ Văn phòng theo dõi xác nhận");
        await using var db = _database.NewContext();
        var id = await ItemIdAsync("NV-04");
        var period = await CurrentPeriodIdAsync();
        var report = db.Reports.Where(r => r.WorkItemId == id && r.PeriodId == period).Select(r => new { r.State, r.Percent, r.Results, r.NextSteps }).Single();
        Assert.Equal((ReviewState.Submitted, 60, "Đã có 6 trường đạt chuẩn.", "Hoàn thiện hồ sơ 4 trường."), (report.State, report.Percent, report.Results, report.NextSteps));
    }

    [Fact]
    public async Task The_connection_drops_while_a_report_is_typed_and_after_it_returns_the_text_is_there_and_saved_whole()
    {
        await using var proxy = new CuttableProxy(_root);
        var staff = await browser.OpenAsync(proxy.Root);
        _pages.Add(staff);
        await staff.SignInAsync("canbo.sgddt@thu.local");
        var id = await ItemIdAsync("NV-04");
        await staff.GotoInteractiveAsync($"/muc/{id}/bao-cao");
        var results = Field(staff, "results");
        await results.ClickAsync();
        await staff.Keyboard.TypeAsync("Đã khảo sát 12 trường");

        // The network goes while the person is still in the field: the page says it is reconnecting.
        Browser.ExpectConsoleError(staff, new Regex("WebSocket|negotiat|Failed to fetch|Failed to start the connection|ERR_CONNECTION|Connection disconnected|Failed to load resource|reconnect", RegexOptions.IgnoreCase));
        proxy.Cut();
        var reconnecting = staff.Locator("#components-reconnect-modal");
        await Assertions.Expect(reconnecting).ToBeVisibleAsync();
        await Assertions.Expect(reconnecting).ToContainTextAsync("Đang kết nối lại với máy chủ");
        await using (var db = _database.NewContext())
        {
            var period = await CurrentPeriodIdAsync();
            Assert.False(db.Reports.Any(r => r.WorkItemId == id && r.PeriodId == period), "nothing is saved while the connection is down");
        }
        proxy.Restore();
        await Assertions.Expect(reconnecting).ToBeHiddenAsync();

        await Assertions.Expect(results).ToHaveValueAsync("Đã khảo sát 12 trường");
        await results.ClickAsync();
        await staff.Keyboard.PressAsync("End");
        await staff.Keyboard.TypeAsync(", 4 trường đạt chuẩn.");
        await staff.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(staff.GetByText("Đã lưu nháp.")).ToBeVisibleAsync();
        await using (var db = _database.NewContext())
        {
            Assert.Equal("Đã khảo sát 12 trường, 4 trường đạt chuẩn.", db.Reports.Where(r => r.WorkItemId == id && r.State == ReviewState.Draft).Select(r => r.Results).Single());
        }
    }

    private static ILocator Field(IPage page, string name) => page.Locator($"textarea[data-field={name}], [data-field={name}] textarea").First;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CurrentPeriodIdAsync()
    {
        await using var db = _database.NewContext();
        return db.Periods.Where(p => p.Label == "Quý IV/2026").Select(p => p.Id).Single();
    }

    private async Task<HauGiang.Tracker.Core.Domain.AppUser> UserAsync(string email)
    {
        await using var db = _database.NewContext();
        return db.Users.Single(u => u.Email == email);
    }

    private async Task<int> ItemIdAsync(string code)
    {
        await using var db = _database.NewContext();
        return db.WorkItems.Where(i => i.Code == code).Select(i => i.Id).Single();
    }
}
