using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public class AdministrationJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
        await TestUsers.CreateAsync(_app.Services, "quantri@thu.local", Roles.Administrator);
        await _page.SignInAsync("quantri@thu.local");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_checks_an_edited_workbook_sees_the_plan_and_imports_it()
    {
        using var exported = new MemoryStream();
        await _app.Services.GetRequiredService<StructureWorkbookService>().ExportAsync(new Actor("e2e-admin", "Quản trị (chuẩn bị)", new HashSet<string> { Roles.Administrator }, new HashSet<int>()), exported, TestContext.Current.CancellationToken);
        using var edit = new WorkbookEditor(exported.ToArray());
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), "Nội dung", "Đào tạo nghề cho lao động nông thôn (sửa trong Excel)");

        await _page.Locator("[data-nav=admin]").ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Nhập, xuất Excel" }).ClickAsync();
        await _page.Locator("input[type=file]").SetBlazorInputFilesAsync(new FilePayload
        {
            Name = "chuong-trinh.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = edit.Save(),
        });

        await Assertions.Expect(_page.GetByTestId("import-plan-summary")).ToContainTextAsync("Sẽ thêm 0, sửa 1, bỏ 0 mục.");
        await Assertions.Expect(_page.Locator("tr[data-plan='NV-01']")).ToContainTextAsync("sửa trong Excel");
        await _page.GetByTestId("confirm-import").ClickAsync();
        await Assertions.Expect(_page.GetByText("Đã nhập 1 thay đổi.")).ToBeVisibleAsync();

        await _page.GotoInteractiveAsync("/quan-tri/cau-truc");
        await Assertions.Expect(_page.Locator("tr[data-item='NV-01']")).ToContainTextAsync("(sửa trong Excel)");
    }

    [Fact]
    public async Task A_workbook_with_problems_is_refused_with_each_place_named()
    {
        await _page.GotoInteractiveAsync("/quan-tri/excel");
        await _page.Locator("input[type=file]").SetBlazorInputFilesAsync(new FilePayload
        {
            Name = "khong-phai-excel.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = "không phải tệp Excel"u8.ToArray(),
        });

        await Assertions.Expect(_page.GetByTestId("import-refused")).ToContainTextAsync("Tệp khong-phai-excel.xlsx có 1 lỗi; chưa nhập gì.");
        await Assertions.Expect(_page.GetByTestId("import-problems")).ToContainTextAsync("Tệp này không phải tệp Excel (.xlsx) hợp lệ.");
        Assert.Equal(0, await _page.GetByTestId("confirm-import").CountAsync());
    }

    [Fact]
    public async Task An_administrator_corrects_a_years_days_off_and_restores_the_defaults()
    {
        await _page.GotoInteractiveAsync("/quan-tri/ngay-nghi?nam=2027");
        await Assertions.Expect(_page.Locator("tr[data-holiday='2027-02-06']")).ToContainTextAsync("Thứ Bảy");
        await Assertions.Expect(_page.Locator("tr[data-holiday='2027-02-10']")).ToContainTextAsync("Nghỉ bù Tết Nguyên đán");

        await _page.Locator("tr[data-holiday='2027-05-03'] [data-testid=remove-holiday]").ClickAsync();
        await _page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Xóa" }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-holiday='2027-05-03']")).ToHaveCountAsync(0);

        await _page.GetByTestId("restore-holidays").ClickAsync();
        await _page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Khôi phục mặc định" }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-holiday='2027-05-03']")).ToContainTextAsync("Mặc định");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Năm sau" }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/quan-tri/ngay-nghi\\?nam=2028$"));
        await Assertions.Expect(_page.Locator("tr[data-holiday='2028-01-26']")).ToContainTextAsync("Tết Nguyên đán (mùng 1)");
    }

    [Fact]
    public async Task An_administrator_records_a_merger_and_the_successors_staff_find_the_moved_work()
    {
        var successorStaff = await browser.OpenAsync(_app.RootUri!);
        try
        {
            await TestUsers.CreateAsync(_app.Services, "canbo.skhcn@thu.local", Roles.UnitStaff, "CT-SKHCN");
            await successorStaff.SignInAsync("canbo.skhcn@thu.local");
            await successorStaff.GotoInteractiveAsync("/viec-cua-don-vi");
            await Assertions.Expect(successorStaff.Locator("h1")).ToBeVisibleAsync();
            await Assertions.Expect(successorStaff.Locator("tr[data-item='NV-04']")).ToHaveCountAsync(0);

            await _page.GotoInteractiveAsync("/quan-tri/don-vi");
            await _page.GetByTestId("record-merger").ClickAsync();
            var dialog = _page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("[data-field=merged]").ClickAsync();
            await _page.GetByRole(AriaRole.Option, new() { Name = "Sở Giáo dục và Đào tạo thành phố Cần Thơ", Exact = true }).ClickAsync();
            // A multi-select stays open after a choice: close it as a person would, by clicking away.
            await dialog.GetByText("Các đơn vị được sáp nhập kết thúc").ClickAsync(new() { Force = true });
            await dialog.Locator("[data-field=successor]").ClickAsync();
            await _page.GetByRole(AriaRole.Option, new() { Name = "Sở Khoa học và Công nghệ thành phố Cần Thơ", Exact = true }).ClickAsync();
            await dialog.Locator("input[data-field=basis], [data-field=basis] input").First.FillAsync("Quyết định số 99/QĐ-UBND (thử)");
            await dialog.GetByTestId("save-merger").ClickAsync();
            await Assertions.Expect(_page.GetByText("Đã ghi nhận sáp nhập")).ToBeVisibleAsync();

            // The successor's staff find the moved task in their own list, reportable by them.
            await successorStaff.ReloadAsync();
            await successorStaff.WaitForInteractiveAsync();
            var moved = successorStaff.Locator("tr[data-item='NV-04']");
            await Assertions.Expect(moved).ToBeVisibleAsync();
            await moved.GetByTestId("report").ClickAsync();
            await Assertions.Expect(successorStaff.GetByTestId("report-editor")).ToBeVisibleAsync();
            Assert.Empty(Browser.ConsoleErrors(_page));
        }
        finally
        {
            await Browser.CloseAsync(successorStaff.Context);
        }
    }
}
