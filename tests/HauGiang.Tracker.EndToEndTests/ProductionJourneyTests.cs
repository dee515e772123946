using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// The app as installed: the Production environment over TLS under a host name, not the development server the
/// other journeys use. What differs is proven here in the browser: HSTS, Secure cookies, the circuit's scripts
/// served without the development manifest, and the error page that hides what went wrong from the user.
/// </summary>
public class ProductionJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private const string FaultPath = "/_test/loi";

    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;
    private X509Certificate2 _certificate = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database)
        {
            EnvironmentName = "Production",
            ExtraServices = services => services.AddSingleton<IStartupFilter, FaultyEndpoint>(),
        };
        _certificate = TrackerApp.SelfSignedCertificate(Browser.TestHost);
        _page = await browser.OpenAsync(_app.StartOnRealTlsPort(_certificate, Browser.TestHost), acceptSelfSignedCertificate: true);
        await TestUsers.CreateAsync(_app.Services, "lanhdao@thu.local", Roles.Leader);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task A_leader_signs_in_over_TLS_works_in_a_live_page_and_meets_the_plain_error_page()
    {
        var signIn = await _page.GotoAsync("/tai-khoan/dang-nhap");
        Assert.Equal(200, signIn!.Status);
        Assert.Matches(new Regex(@"^max-age=\d{7,}"), await signIn.HeaderValueAsync("strict-transport-security"));

        await _page.SignInAsync("lanhdao@thu.local");
        var cookies = await _page.Context.CookiesAsync();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.True(c.Secure && c.HttpOnly, $"{c.Name} is Secure and HttpOnly"));

        // The overview is live: a control changes the figures inside the circuit, without a page load.
        await _page.GotoInteractiveAsync("/?ngay=2024-06-30");
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 30/06/2024");
        await _page.Locator("[data-control=today]").ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=as-of]")).ToHaveTextAsync("Số liệu tính đến ngày 27/11/2026");

        // A request that fails on the server: a plain Vietnamese page with a request number, nothing of the fault.
        Browser.ExpectConsoleError(_page, new Regex("status of 500"));
        var failed = await _page.GotoAsync(FaultPath);
        Assert.Equal(500, failed!.Status);
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Đã xảy ra lỗi");
        await Assertions.Expect(_page.Locator("code")).Not.ToBeEmptyAsync();
        var body = await _page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(FaultyEndpoint.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    /// <summary>An address whose request throws, at the end of the app's own pipeline (inside its error handling).</summary>
    private sealed class FaultyEndpoint : IStartupFilter
    {
        public const string Secret = "chuỗi kết nối bí mật";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == FaultPath ? throw new InvalidOperationException(Secret) : following(context));
        };
    }
}
