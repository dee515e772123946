using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

internal static class PageExtensions
{
    /// <summary>Goes to a page and waits until the Blazor circuit has taken over the prerendered HTML.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("#app-root[data-interactive='true']").WaitForAsync();
    }
}
