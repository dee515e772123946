using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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

    /// <summary>The page as it stands has no serious or critical axe violation and is no wider than the window.</summary>
    public static async Task AssertAccessibleAndFitsAsync(this IPage page, int width)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.Empty(serious);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page is wider than {width}px");
    }

    /// <summary>
    /// Chooses files in a Blazor file input once Blazor listens to it: a page reached by a link inside the
    /// circuit renders the input a moment before <c>InputFile</c>'s script hooks its change event, and files
    /// set in between are never seen (a person is never that fast; a test under load is).
    /// </summary>
    public static async Task SetBlazorInputFilesAsync(this ILocator input, FilePayload file)
    {
        await input.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(file);
    }

    /// <summary>Signs in through the sign-in page, as a person would, and waits for the overview.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = TestUsers.Password)
    {
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Presses Tab, as a keyboard user does, until <paramref name="target"/> (or something inside it) has the focus;
    /// fails when it is not reached within <paramref name="limit"/> presses, i.e. it is not in the tab order.
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int limit = 60)
    {
        await target.WaitForAsync();
        for (var i = 0; i <= limit; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el.contains(document.activeElement)"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 200) ?? ''");
        throw new InvalidOperationException($"{limit} presses of Tab did not reach {target}; the focus is on {focused}.");
    }
}
