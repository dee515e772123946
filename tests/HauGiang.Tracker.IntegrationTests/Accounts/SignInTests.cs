using System.Net;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

public class SignInTests(DatabaseTemplates templates) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database, settings: new() { ["Security:SignInAttemptsPerMinute"] = "8" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<List<AuditEntry>> SecurityEventsAsync()
    {
        await using var db = _database.NewContext();
        return await db.AuditEntries.Where(e => e.Category == AuditCategory.Security).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_but_health_stays_open()
    {
        using var client = _app.CreatePlainClient();

        var page = await client.GetAsync(new Uri("/nhiem-vu", UriKind.Relative), Ct);
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", page.Target().PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_is_logged()
    {
        var user = await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        using var client = _app.CreatePlainClient();

        var response = await FormPost.SignInAsync(client, "canbo@thu.local");
        var overview = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var signIn = Assert.Single(await SecurityEventsAsync(), e => e.Action == SecurityEvents.SignInSucceeded);
        Assert.Equal(user.Id, signIn.UserId);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_words_and_are_logged()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        using var client = _app.CreatePlainClient();

        var wrong = await (await FormPost.SignInAsync(client, "canbo@thu.local", "mật khẩu sai hoàn toàn")).Content.ReadAsStringAsync(Ct);
        var unknown = await (await FormPost.SignInAsync(client, "khongco@thu.local", "mật khẩu sai hoàn toàn")).Content.ReadAsStringAsync(Ct);

        const string words = "Email hoặc mật khẩu không đúng, hoặc tài khoản không được phép đăng nhập.";
        Assert.Contains(words, wrong, StringComparison.Ordinal);
        Assert.Contains(words, unknown, StringComparison.Ordinal);
        var failures = (await SecurityEventsAsync()).Where(e => e.Action == SecurityEvents.SignInFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains("wrong-password", failures[0].After, StringComparison.Ordinal);
        Assert.Contains("unknown-user", failures[1].After, StringComparison.Ordinal);
        Assert.Equal("khongco@thu.local", failures[1].UserName);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        using var client = _app.CreatePlainClient();

        for (var i = 0; i < 5; i++)
        {
            await FormPost.SignInAsync(client, "canbo@thu.local", "mật khẩu sai lần nữa");
        }
        var right = await FormPost.SignInAsync(client, "canbo@thu.local");

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/tai-khoan/bi-khoa", right.Target().AbsolutePath);
        Assert.Contains(await SecurityEventsAsync(), e => e.Action == SecurityEvents.LockedOut);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var client = _app.CreatePlainClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            codes.Add((await FormPost.SignInAsync(client, $"ai{i}@thu.local", "mật khẩu sai hoàn toàn")).StatusCode);
        }

        Assert.All(codes.Take(8), c => Assert.Equal(HttpStatusCode.OK, c));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[8]);
        Assert.Contains(await SecurityEventsAsync(), e => e.Action == SecurityEvents.RateLimited);
    }

    [Fact]
    public async Task A_forged_form_post_is_refused_logged_and_signs_no_one_in()
    {
        await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        using var client = _app.CreatePlainClient();
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "dang-nhap",
            ["Input.Email"] = "canbo@thu.local",
            ["Input.Password"] = TestUsers.Password,
        });

        var response = await client.PostAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative), forged, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Biểu mẫu không hợp lệ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var events = await SecurityEventsAsync();
        Assert.Contains(events, e => e.Action == SecurityEvents.AntiforgeryRejected);
        Assert.DoesNotContain(events, e => e.Action == SecurityEvents.SignInSucceeded);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var user = await TestUsers.CreateAsync(_app.Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        await using (var db = _database.NewContext())
        {
            db.Actor = Actor.System("test");
            (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).IsDisabled = true;
            await db.SaveChangesAsync(Ct);
        }
        using var client = _app.CreatePlainClient();

        var response = await FormPost.SignInAsync(client, "canbo@thu.local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await SecurityEventsAsync(), e => e.Action == SecurityEvents.SignInFailed && e.After!.Contains("not-allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var client = _app.CreatePlainClient();

        var response = await client.GetAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative), Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
