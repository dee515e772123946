using Microsoft.AspNetCore.Components;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>Redirects of the static account pages, refusing to leave the site (no open redirect).</summary>
internal sealed class AccountRedirects(NavigationManager navigation)
{
    public const string StatusCookieName = "hgt.status";

    public void RedirectTo(string? uri)
    {
        uri ??= "";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = navigation.ToBaseRelativePath(navigation.BaseUri);
        }
        navigation.NavigateTo(uri.TrimStart('/'));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> query) =>
        RedirectTo(navigation.ToBaseRelativePath(navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path), query)));

    public void RedirectWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromSeconds(10),
        });
        RedirectTo(uri);
    }
}
