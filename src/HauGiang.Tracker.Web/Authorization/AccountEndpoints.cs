using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HauGiang.Tracker.Web.Authorization;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (with its antiforgery token), never a link: a GET cannot sign anyone out.
        endpoints.MapPost("/tai-khoan/dang-xuat", async (HttpContext context, ClaimsPrincipal user, [FromServices] SignInManager<AppUser> signIn,
            [FromServices] SecurityEvents events, [FromServices] UserSessions sessions, [FromForm] string? returnUrl) =>
        {
            // Ending the session on the server refuses copies of the cookie and ends open circuits at their next check.
            if (SessionCookie.SessionId(user) is { } session)
            {
                await sessions.EndAsync(session, context.RequestAborted);
            }
            await signIn.SignOutAsync();
            await events.RecordAsync(SecurityEvents.SignedOut, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "",
                clientAddress: SecurityPipeline.ClientKey(context), ct: context.RequestAborted);
            return TypedResults.LocalRedirect(SecurityPipeline.SignInPath);
        });
        return endpoints;
    }
}
