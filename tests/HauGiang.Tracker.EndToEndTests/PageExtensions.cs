using HauGiang.Tracker.Testing;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

internal static class PageExtensions
{
    /// <summary>Goes to a page and waits until the Blazor circuit has taken over the prerendered HTML.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) => page.Locator("#app-root[data-interactive='true']").WaitForAsync();

    /// <summary>Signs in through the sign-in page, as a person would, and waits for the overview.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = TestUsers.Password)
    {
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForInteractiveAsync();
    }
}
