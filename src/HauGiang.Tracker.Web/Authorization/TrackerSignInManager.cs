using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>
/// Identity's sign-in, refusing disabled accounts (also when a cookie's security stamp is revalidated),
/// and giving each sign-in its own server-side session.
/// </summary>
internal sealed class TrackerSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, UserSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Set while a refresh re-issues the cookie of the same sign-in, which keeps its session.
    private Claim? _refreshedSession;

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    public override async Task RefreshSignInAsync(AppUser user)
    {
        var current = await Context.AuthenticateAsync(AuthenticationScheme);
        _refreshedSession = current.Principal?.FindFirst(SessionCookie.ClaimType);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshedSession = null;
        }
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var session = _refreshedSession ?? new Claim(SessionCookie.ClaimType, (await sessions.StartAsync(user.Id, Context.RequestAborted)).ToString());
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(session.Type, session.Value)]);
    }
}
