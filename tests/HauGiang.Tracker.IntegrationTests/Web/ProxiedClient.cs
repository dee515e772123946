using System.Net;
using System.Text.RegularExpressions;

namespace HauGiang.Tracker.IntegrationTests.Web;

/// <summary>
/// Speaks to the app as a reverse proxy does: Host of the public site, X-Forwarded-For and -Proto.
/// Cookies are carried by hand, because a cookie container would keep Secure cookies off this plain-HTTP hop.
/// </summary>
internal sealed partial class ProxiedClient(Uri root) : IAsyncDisposable
{
    public const string PublicHost = "tracker.example";
    public const string SignInPath = "/tai-khoan/dang-nhap";

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = root };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string client, string proto = "https",
        string? cookies = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", proto);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }
        return _http.SendAsync(request, Ct);
    }

    /// <summary>Reads the sign-in page, then posts its form with the page's antiforgery cookie and token.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string client, string email, string password)
    {
        using var page = await SendAsync(HttpMethod.Get, SignInPath, client);
        var token = Token().Match(await page.Content.ReadAsStringAsync(Ct));
        Assert.True(token.Success, $"No form on the sign-in page ({page.StatusCode}).");
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "dang-nhap",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await SendAsync(HttpMethod.Post, SignInPath, client, cookies: cookies, content: form);
    }

    /// <summary>A sign-in post without a form: refused, but counted against the client's allowance.</summary>
    public async Task<HttpResponseMessage> PostEmptySignInAsync(string client)
    {
        using var empty = new FormUrlEncodedContent([]);
        return await SendAsync(HttpMethod.Post, SignInPath, client, content: empty);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
