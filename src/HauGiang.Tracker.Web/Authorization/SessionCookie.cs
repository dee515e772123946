using System.Security.Claims;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>
/// Ties the cookie to its server-side session: a cookie whose session has ended (sign-out, idle,
/// absolute lifetime) is refused on every request, however valid its signature.
/// </summary>
internal static class SessionCookie
{
    public const string ClaimType = "tracker:session";

    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Whether the principal's session is alive; a principal without one (an older cookie) is not.</summary>
    public static async Task<bool> IsAliveAsync(UserSessions sessions, ClaimsPrincipal? principal, bool activity, CancellationToken ct)
    {
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return SessionId(principal) is { } id && userId is not null && await sessions.IsAliveAsync(id, userId, activity, ct);
    }

    /// <summary>The cookie's OnValidatePrincipal: the session first, then Identity's security stamp check.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!await IsAliveAsync(sessions, context.Principal, activity: true, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>When the stamp check rebuilds the principal, the session claim goes along: it is still the same session.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }
        return Task.CompletedTask;
    }
}
