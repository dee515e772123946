using System.Net;
using System.Text.RegularExpressions;

namespace HauGiang.Tracker.Testing;

/// <summary>Posts a static page's form the way a browser does: read the page, keep its antiforgery token.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = Token().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in through the real page; the client keeps the cookie.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = TestUsers.Password) =>
        SubmitAsync(client, "/tai-khoan/dang-nhap", "dang-nhap", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public static class RedirectExtensions
{
    /// <summary>Where a redirect points, made absolute whether the server wrote a relative or an absolute Location.</summary>
    public static Uri Target(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new Uri(new Uri("http://localhost/"), response.Headers.Location ?? throw new InvalidOperationException($"{response.StatusCode} is no redirect."));
    }
}
