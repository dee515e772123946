using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>A unit reports in the browser, the monitoring office returns it, the unit fixes it, the office confirms.</summary>
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
        await staff.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("blocked")).ToContainTextAsync("chờ Văn phòng theo dõi xác nhận");

        var office = await SignedInAsync("vanphong@thu.local");
        await office.Locator("[data-nav=review]").ClickAsync();
        var queued = office.Locator("[data-queue-report]").Filter(new() { HasText = "NV-04" });
        await Assertions.Expect(queued).ToContainTextAsync("70%");
        await queued.GetByTestId("return-report").ClickAsync();
        await office.Locator("[data-field=reason] textarea, textarea[data-field=reason]").First.FillAsync("Ghi rõ tên 4 trường.");
        await office.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(office.GetByText("Đã trả lại NV-04 cho đơn vị.")).ToBeVisibleAsync();

        await staff.ReloadAsync();
        await staff.WaitForInteractiveAsync();
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
        static ILocator Field(IPage page, string name) => page.Locator($"textarea[data-field={name}], [data-field={name}] textarea").First;
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

    private async Task<int> ItemIdAsync(string code)
    {
        await using var db = _database.NewContext();
        return db.WorkItems.Where(i => i.Code == code).Select(i => i.Id).Single();
    }
}
