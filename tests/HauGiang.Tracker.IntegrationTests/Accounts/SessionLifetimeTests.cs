using System.Net;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>A session ends on the server: a copied cookie is worth nothing after sign-out, idleness or the absolute limit.</summary>
public class SessionLifetimeTests(DatabaseTemplates templates) : HostedAppTest(templates)
{
    private static readonly Uri Root = new("http://localhost/");
    /// <summary>A signed-in client whose cookie jar the test can read, as an attacker copying the cookie would.</summary>
    private async Task<(HttpClient Client, CookieContainer Jar)> SignedInAsync()
    {
        var user = await TestUsers.CreateAsync(App.Services, $"lanhdao.{Guid.NewGuid():N}@thu.local", Roles.Leader);
        var jar = new CookieContainer();
        var client = App.CreateDefaultClient(Root, new CookieContainerHandler(jar));
        using var response = await FormPost.SignInAsync(client, user.Email!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, jar);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string cookieHeader)
    {
        using var replay = App.CreateDefaultClient(Root);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        return await replay.SendAsync(request, Ct);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", response.Target().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_replayed_after_sign_out_is_sent_to_sign_in()
    {
        var (client, jar) = await SignedInAsync();
        var copied = jar.GetCookieHeader(Root);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(copied)).StatusCode);

        using var signedOut = await SignOutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSentToSignIn(await GetWithCookieAsync(copied));
        client.Dispose();
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active()
    {
        var (client, _) = await SignedInAsync();
        var signedInAt = App.Clock.Now;
        while (App.Clock.Now + TimeSpan.FromMinutes(20) < signedInAt + TimeSpan.FromHours(12))
        {
            App.Clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        }

        App.Clock.Now = signedInAt + TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1);

        AssertSentToSignIn(await client.GetAsync(new Uri("/", UriKind.Relative), Ct));
        client.Dispose();
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_and_thirty_idle_minutes_end_it()
    {
        var (client, _) = await SignedInAsync();
        App.Clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        App.Clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        App.Clock.Now += TimeSpan.FromMinutes(31);

        AssertSentToSignIn(await client.GetAsync(new Uri("/", UriKind.Relative), Ct));
        client.Dispose();
    }

    /// <summary>The layout's sign-out form, posted with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/tai-khoan/doi-mat-khau", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });
        return await client.PostAsync(new Uri("/tai-khoan/dang-xuat", UriKind.Relative), content);
    }
}
