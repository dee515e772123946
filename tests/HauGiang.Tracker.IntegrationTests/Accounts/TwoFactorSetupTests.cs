using System.Net;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using HauGiang.Tracker.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>Opening the two-factor setup page changes nothing; only its explicit action makes a key, and that session stays signed in.</summary>
public class TwoFactorSetupTests(DatabaseTemplates templates) : HostedAppTest(templates)
{
    private const string SetupPath = "/tai-khoan/bao-mat/kich-hoat";
    private async Task<(string? Stamp, string? Key)> SecretsAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        return (await users.GetSecurityStampAsync(user), await users.GetAuthenticatorKeyAsync(user));
    }

    [Fact]
    public async Task Opening_the_setup_page_changes_neither_the_security_stamp_nor_the_key()
    {
        var (client, leader) = await App.SignedInAsync(Roles.Leader);
        var before = await SecretsAsync(leader.Id);

        var page = await client.GetAsync(new Uri(SetupPath, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(before, await SecretsAsync(leader.Id));
        Assert.Null(before.Key);
        Assert.Contains("Tạo khóa xác thực", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task Creating_the_key_keeps_the_session_doing_it_signed_in_past_the_stamp_check()
    {
        var (client, leader) = await App.SignedInAsync(Roles.Leader);
        var before = await SecretsAsync(leader.Id);

        var created = await FormPost.SubmitAsync(client, SetupPath, "tao-khoa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var after = await SecretsAsync(leader.Id);
        Assert.NotNull(after.Key);
        Assert.NotEqual(before.Stamp, after.Stamp);
        var page = await client.GetStringAsync(new Uri(SetupPath, UriKind.Relative), Ct);
        Assert.Contains(after.Key!.ToLowerInvariant()[..4], page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        App.Clock.Now += RevalidatingIdentityStateProvider.Interval + TimeSpan.FromSeconds(1);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(after.Key, (await SecretsAsync(leader.Id)).Key);
        client.Dispose();
    }
}
