using System.Net;
using System.Text.Json;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Web;

public class HostTests(DatabaseTemplates templates)
{
    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Health_checks_the_database_and_tells_anonymous_callers_only_the_status()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await BodyAsync(response));
        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_database_goes_away_and_shows_no_error_text()
    {
        var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await database.DisposeAsync();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("{\"status\":\"Unhealthy\"}", await BodyAsync(response));
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task The_circuit_hub_refuses_a_foreign_origin(string origin, HttpStatusCode expected)
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var (client, _) = await app.SignedInAsync(HauGiang.Tracker.Core.Domain.Access.Roles.Leader);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        client.Dispose();

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_first_page_is_served_in_Vietnamese_with_the_overview()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var (client, _) = await app.SignedInAsync(HauGiang.Tracker.Core.Domain.Access.Roles.Leader);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        client.Dispose();

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Chương trình số 50-CTr/TU ngày 09/08/2021", html, StringComparison.Ordinal);
        Assert.Contains("Số liệu tính đến ngày 27/11/2026", html, StringComparison.Ordinal);
        Assert.Contains("Nâng cao chất lượng nguồn nhân lực", html, StringComparison.Ordinal);
        Assert.Contains("Chưa hoàn thành, quá hạn", html, StringComparison.Ordinal);
    }
}
