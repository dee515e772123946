using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// A malformed query value used to pass the server render and then end the circuit while binding, showing
/// "Đã xảy ra lỗi không mong muốn". Every interactive page with a query parameter is opened with each
/// malformed value, and the circuit must start and stay up.
/// </summary>
public class QueryParameterJourneyTests(DatabaseTemplates templates, Browser browser)
{
    [Fact]
    public async Task Interactive_pages_survive_malformed_query_values()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var root = app.StartOnRealPort();
        await using var db = database.NewContext();
        var lead = await db.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && a.WorkItem!.IsSample)
            .OrderBy(a => a.WorkItemId).Select(a => new { a.WorkItemId, a.OrgUnit!.Code }).FirstAsync(TestContext.Current.CancellationToken);
        var staff = await TestUsers.CreateAsync(app.Services, "canbo.query@thu.local", Roles.UnitStaff, lead.Code);
        var page = await browser.OpenAsync(root);
        await page.SignInAsync(staff.Email!);

        // The account pages are static (no circuit): the server-side test covers them.
        var interactive = PageQueryParameters.Discover().Where(p => !p.Route.StartsWith("/tai-khoan/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(interactive);
        // Each page once per malformed value, with every parameter it reads set to that value at once: a parameter the
        // circuit trips over still shows, at a fifth of the page loads of one parameter at a time (the server-side
        // test goes through them one by one).
        foreach (var route in interactive.GroupBy(p => p.Route, p => p.Name))
        {
            foreach (var value in PageQueryParameters.Malformed)
            {
                var path = $"{PageQueryParameters.Path(route.Key, lead.WorkItemId)}?{string.Join("&", route.Select(name => $"{name}={value}"))}";
                await page.GotoAsync(path);
                await page.Locator("#app-root[data-interactive='true'], #blazor-error-ui:visible").First.WaitForAsync();

                await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
                Assert.True(Browser.ConsoleErrors(page).Count == 0, $"{path}: {string.Join(" | ", Browser.ConsoleErrors(page))}");
            }
        }
        await Browser.CloseAsync(page.Context);
    }
}
