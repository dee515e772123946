using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HauGiang.Tracker.Web.Authorization;

internal static class TrackerClaims
{
    public const string FullName = "tracker:full-name";
    /// <summary>Present while a role of the user requires two-factor sign-in that the user has not set up.</summary>
    public const string TwoFactorEnrollmentRequired = "tracker:2fa-enrollment-required";
}

/// <summary>Adds the user's full name and, when a role demands it, the pending two-factor enrolment.</summary>
internal sealed class TrackerClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrackerClaims.FullName, user.FullName.Length > 0 ? user.FullName : user.UserName ?? ""));
        // The base factory has already added the claims of the user's roles, the two-factor demand among them.
        if (!user.TwoFactorEnabled && identity.HasClaim(c => c.Type == Roles.RequireTwoFactorClaim))
        {
            identity.AddClaim(new Claim(TrackerClaims.TwoFactorEnrollmentRequired, "true"));
        }
        return identity;
    }
}
