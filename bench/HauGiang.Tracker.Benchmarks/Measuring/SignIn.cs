using System.Net;
using System.Text.RegularExpressions;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>Signs in through the app's real sign-in form over HTTP: its antiforgery token, then the cookie.</summary>
internal static partial class SignIn
{
    public const string Path = "/tai-khoan/dang-nhap";

    /// <summary>A client holding a signed-in session; it follows no redirect, so every timing is one response.</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies)> ClientAsync(Uri baseUrl, string user, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var form = await client.GetStringAsync(new Uri(Path, UriKind.Relative), ct);
        var token = Token().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {Path}.");
        }
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "dang-nhap",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = user,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), body, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains(Path, StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Sign-in of {user} answered {(int)response.StatusCode} {response.Headers.Location}: check the user and password.");
        }
        return (client, cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
