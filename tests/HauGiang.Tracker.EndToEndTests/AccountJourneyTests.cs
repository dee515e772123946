using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public partial class AccountJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_a_wrong_password_is_told_in_Vietnamese()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");

        await _page.GotoAsync("/nhiem-vu");
        Assert.Contains("/tai-khoan/dang-nhap", _page.Url, StringComparison.Ordinal);
        await _page.GetByLabel("Email").FillAsync("canbo@thu.local");
        await _page.GetByLabel("Mật khẩu").FillAsync("không phải mật khẩu");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email hoặc mật khẩu không đúng");
    }

    [Fact]
    public async Task Staff_see_no_administration_and_sign_out()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        await _page.SignInAsync("canbo@thu.local");

        Assert.Equal(0, await _page.Locator("[data-nav=users]").CountAsync());
        Assert.Equal(0, await _page.Locator("[data-nav=audit]").CountAsync());
        await _page.GotoInteractiveAsync("/quan-tri/nguoi-dung");
        await Assertions.Expect(_page.GetByTestId("access-denied")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(SignInPage());
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task An_administrator_adds_a_unit_staff_member()
    {
        await TestUsers.CreateAsync(_app.Services, "quantri@thu.local", Roles.Administrator);
        await _page.SignInAsync("quantri@thu.local");

        await _page.Locator("[data-nav=users]").ClickAsync();
        await _page.GetByTestId("add-user").ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Email").FillAsync("moi@thu.local");
        await dialog.GetByLabel("Họ và tên").FillAsync("Lê Văn Mới");
        await dialog.GetByLabel("Cán bộ đơn vị").CheckAsync();
        await dialog.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(dialog.GetByText("Cán bộ đơn vị phải thuộc ít nhất một đơn vị.")).ToBeVisibleAsync();

        await dialog.Locator("[data-field=units]").ClickAsync();
        await _page.GetByRole(AriaRole.Option, new() { Name = "Sở Nội vụ" }).ClickAsync();
        // A multi-select stays open after a choice: close it as a person would, by clicking away.
        await dialog.GetByLabel("Họ và tên").ClickAsync(new() { Force = true });
        await Assertions.Expect(_page.GetByRole(AriaRole.Option, new() { Name = "Sở Nội vụ" })).ToBeHiddenAsync();
        await dialog.GetByLabel("Mật khẩu ban đầu").FillAsync("Cánh đồng lúa Vị Thủy mùa nước nổi");
        await dialog.GetByTestId("save-user").ClickAsync();

        await Assertions.Expect(_page.Locator("tr[data-user='moi@thu.local']")).ToContainTextAsync("Sở Nội vụ");
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task An_auditor_verifies_the_trail()
    {
        await TestUsers.CreateAsync(_app.Services, "kiemtra@thu.local", Roles.Auditor);
        await _page.SignInAsync("kiemtra@thu.local");

        await _page.Locator("[data-nav=audit]").ClickAsync();
        await _page.GetByTestId("audit-verify").ClickAsync();

        await Assertions.Expect(_page.GetByTestId("audit-verification")).ToContainTextAsync("Nhật ký nguyên vẹn");
        await Assertions.Expect(_page.Locator("tr[data-audit]").First).ToBeVisibleAsync();
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [GeneratedRegex(@"/tai-khoan/dang-nhap")]
    private static partial Regex SignInPage();
}
