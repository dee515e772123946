using System.Net;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Web;

/// <summary>
/// The app in Production on a real port, reached from 127.0.0.1 the way a proxy on the same host reaches it,
/// with the X-Forwarded-* headers the proxy adds.
/// </summary>
public class ReverseProxyTests(DatabaseTemplates templates) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private async Task<(TrackerApp App, ProxiedClient Client, TestDatabase Database)> StartAsync(string knownProxies,
        string environment = "Production", string attemptsPerMinute = "10")
    {
        var database = await templates.CreateAsync();
        _owned.Add(database);
        var settings = new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = attemptsPerMinute };
        if (knownProxies.Length > 0)
        {
            settings["ReverseProxy:KnownProxies"] = knownProxies;
        }
        var app = new TrackerApp(database, settings: settings) { EnvironmentName = environment };
        _owned.Add(app);
        var client = new ProxiedClient(app.StartOnRealPort());
        _owned.Add(client);
        await TestUsers.CreateAsync(app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        return (app, client, database);
    }

    private static async Task<List<string?>> FailedSignInAddressesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.Where(e => e.Category == AuditCategory.Security && e.Action == SecurityEvents.SignInFailed)
            .Select(e => e.ClientAddress).ToListAsync(Ct);
    }

    [Fact]
    public async Task Through_a_configured_proxy_the_sign_in_cookie_is_Secure_and_HSTS_is_sent()
    {
        var (_, client, _) = await StartAsync("127.0.0.1");

        using var page = await client.SendAsync(HttpMethod.Get, "/tai-khoan/dang-nhap", "203.0.113.7");
        using var signIn = await client.SignInAsync("203.0.113.7", "canbo@thu.local", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hgt.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_plain_HTTP_request_through_the_proxy_is_redirected_to_HTTPS()
    {
        var (_, client, _) = await StartAsync("127.0.0.1");

        using var response = await client.SendAsync(HttpMethod.Get, "/tai-khoan/dang-nhap", "203.0.113.7", proto: "http");
        using var probe = await client.SendAsync(HttpMethod.Get, "/health", "203.0.113.7", proto: "http");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://tracker.example/tai-khoan/dang-nhap"), response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode); // a load balancer's probe on the internal hop
    }

    [Fact]
    public async Task Each_forwarded_client_has_its_own_sign_in_allowance()
    {
        var (_, client, _) = await StartAsync("127.0.0.1", attemptsPerMinute: "2");

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await client.PostEmptySignInAsync("203.0.113.7")).StatusCode);
        }
        var second = (await client.PostEmptySignInAsync("198.51.100.20")).StatusCode;

        Assert.Equal(HttpStatusCode.TooManyRequests, first[2]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first[0]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second);
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_with_the_forwarded_client_address()
    {
        var (_, client, database) = await StartAsync("127.0.0.1");

        using var response = await client.SignInAsync("203.0.113.7", "canbo@thu.local", "mật khẩu sai hoàn toàn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["203.0.113.7"], await FailedSignInAddressesAsync(database));
    }

    [Fact]
    public async Task From_an_unconfigured_source_the_forwarded_scheme_is_ignored()
    {
        var (_, client, _) = await StartAsync("10.9.9.9");

        using var response = await client.SendAsync(HttpMethod.Get, "/tai-khoan/dang-nhap", "203.0.113.7");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_no_proxy_configured_the_forwarded_address_is_ignored()
    {
        // Development: no HTTPS redirect, so the sign-in page answers over plain HTTP.
        var (_, client, database) = await StartAsync("", environment: "Development");

        using var response = await client.SignInAsync("203.0.113.7", "canbo@thu.local", "mật khẩu sai hoàn toàn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["127.0.0.1"], await FailedSignInAddressesAsync(database));
    }
}
