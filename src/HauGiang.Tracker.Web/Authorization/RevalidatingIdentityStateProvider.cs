using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>
/// Re-checks a live circuit's user every minute: an ended session (signed out elsewhere, idle, past
/// its absolute lifetime), a disabled account, or a changed security stamp (password, roles or units
/// changed by an administrator) ends the circuit's session on the next check.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options, UserSessions sessions, CircuitActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope;
        try
        {
            scope = scopeFactory.CreateAsyncScope();
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping and every circuit ends with it: nothing left to sign out, and
            // failing here would only turn the last render of a closing circuit into an error.
            return true;
        }
        await using (scope)
        {
            return await IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), sessions, authenticationState.User,
                options.Value, activity.TakeSinceLastCheck(), cancellationToken);
        }
    }

    internal static async Task<bool> IsStillValidAsync(UserManager<AppUser> users, UserSessions sessions, ClaimsPrincipal principal,
        IdentityOptions options, bool activity, CancellationToken ct = default)
    {
        if (!await SessionCookie.IsAliveAsync(sessions, principal, activity, ct))
        {
            return false;
        }
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        return principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
