using System.Net;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Web;

/// <summary>
/// Scanners and mistyped links send any text in a query: every page that reads a query parameter must
/// ignore a malformed value or say what is wrong, never fall over. This covers the server render (and the
/// static sign-in pages); the browser suite covers the same values once the circuit has started.
/// </summary>
public class QueryParameterTests(DatabaseTemplates templates)
{
    public static TheoryData<string, string> PageParameters() => [.. PageQueryParameters.Discover().Select(p => new TheoryDataRow<string, string>(p.Route, p.Name))];

    [Fact]
    public void Pages_with_query_parameters_are_found()
    {
        var found = PageQueryParameters.Discover();

        Assert.Contains(("/muc/{ItemId:int}/bao-cao", "ky"), found);
        Assert.Contains(found, p => p.Route.StartsWith("/tai-khoan/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PageParameters))]
    public async Task A_malformed_query_value_never_breaks_the_page(string route, string parameter)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        await using var db = database.NewContext();
        // Staff of the unit that leads an item: every page with a parameter is open to them.
        var lead = await db.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && a.WorkItem!.IsSample)
            .OrderBy(a => a.WorkItemId).Select(a => new { a.WorkItemId, a.OrgUnit!.Code }).FirstAsync(ct);
        var itemId = lead.WorkItemId;
        var (client, _) = await app.SignedInAsync(Roles.UnitStaff, lead.Code);
        using (client)
        {
            var path = PageQueryParameters.Path(route, itemId);
            foreach (var value in PageQueryParameters.Malformed)
            {
                using var response = await client.GetAsync(new Uri($"{path}?{parameter}={value}", UriKind.Relative), ct);
                var body = await response.Content.ReadAsStringAsync(ct);

                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}?{parameter}={value} answered {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Assert.Contains("<h1", body, StringComparison.Ordinal); // the page itself rendered, not an error page
                }
            }
        }
    }
}
