using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Testing;
using HauGiang.Tracker.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>What a live circuit's minutely check decides: the session, the account and its security stamp.</summary>
public class SessionRevalidationTests(DatabaseTemplates templates) : HostedAppTest(templates)
{
    private async Task<Actor> AdministratorAsync() =>
        await TestUsers.ActorAsync(App.Services, await TestUsers.CreateAsync(App.Services, "quantri@thu.local", Roles.Administrator));

    /// <summary>The principal a circuit holds: the user's claims and a live session of theirs.</summary>
    private async Task<(ClaimsPrincipal Principal, Guid Session)> CircuitPrincipalAsync(string userId)
    {
        var session = await App.Services.GetRequiredService<UserSessions>().StartAsync(userId, Ct);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByIdAsync(userId))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionCookie.ClaimType, session.ToString()));
        return (principal, session);
    }

    private async Task<bool> RevalidatesAsync(ClaimsPrincipal principal)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await RevalidatingIdentityStateProvider.IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            App.Services.GetRequiredService<UserSessions>(), principal, App.Services.GetRequiredService<IOptions<IdentityOptions>>().Value, activity: true, Ct);
    }

    [Fact]
    public async Task A_live_circuit_of_a_disabled_user_fails_revalidation()
    {
        var (client, staff) = await App.SignedInAsync(Roles.UnitStaff, "CT-SNV");
        client.Dispose();
        var (principal, _) = await CircuitPrincipalAsync(staff.Id);
        Assert.True(await RevalidatesAsync(principal));

        await App.Services.GetRequiredService<UserAdministrationService>().SetDisabledAsync(await AdministratorAsync(), staff.Id, disabled: true, Ct);

        Assert.False(await RevalidatesAsync(principal));
        Assert.Equal(staff.Id, principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task A_live_circuit_of_a_signed_out_session_fails_revalidation_and_others_of_the_user_do_not()
    {
        var (client, staff) = await App.SignedInAsync(Roles.UnitStaff, "CT-SNV");
        client.Dispose();
        var (signedOut, session) = await CircuitPrincipalAsync(staff.Id);
        var (otherTab, _) = await CircuitPrincipalAsync(staff.Id);
        Assert.True(await RevalidatesAsync(signedOut));

        await App.Services.GetRequiredService<UserSessions>().EndAsync(session, Ct);

        Assert.False(await RevalidatesAsync(signedOut));
        Assert.True(await RevalidatesAsync(otherTab));
        var withoutSession = new ClaimsPrincipal(new ClaimsIdentity(signedOut.Claims.Where(c => c.Type != SessionCookie.ClaimType), "Identity.Application"));
        Assert.False(await RevalidatesAsync(withoutSession));
    }

    [Fact]
    public async Task A_live_circuit_left_idle_for_thirty_minutes_fails_revalidation()
    {
        var (client, staff) = await App.SignedInAsync(Roles.UnitStaff, "CT-SNV");
        client.Dispose();
        var (principal, _) = await CircuitPrincipalAsync(staff.Id);

        App.Clock.Now += UserSessions.IdleLifetime;

        Assert.False(await RevalidatesAsync(principal));
    }
}
