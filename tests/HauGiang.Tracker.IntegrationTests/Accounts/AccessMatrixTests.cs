using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.IntegrationTests.Web;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// Every role × every write of the services, own unit and other unit, called directly as a page would
/// (or as a crafted request could): allowed calls succeed, refused ones throw, write nothing but the
/// security event, and are logged.
/// </summary>
public partial class AccessMatrixTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private Actor As(string role, string unit = "SNV") => new($"matrix-{role}-{unit}", $"{role} ({unit})", new HashSet<string> { role }, new HashSet<int> { Units[unit] });

    /// <summary>Data rows (not security events): a refused call must leave this unchanged.</summary>
    private async Task<(long Data, long Denials, int Users)> StateAsync()
    {
        await using var db = Database.NewContext();
        return (await db.AuditEntries.LongCountAsync(e => e.Category == AuditCategory.Data, Ct),
            await db.AuditEntries.LongCountAsync(e => e.Action == SecurityEvents.PermissionDenied, Ct),
            await db.Users.CountAsync(Ct));
    }

    private async Task AssertAllowedOrRefusedAsync(bool allowed, Func<Task> call)
    {
        var before = await StateAsync();
        if (allowed)
        {
            var task = call();
            await task;
            // An allowed call must also do its work: a service that refused everything by validation
            // would otherwise pass as "allowed".
            if (OperationResultOf(task) is { } result)
            {
                Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            }
            Assert.Equal(before.Denials, (await StateAsync()).Denials);
            return;
        }
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(call);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        var after = await StateAsync();
        Assert.Equal((before.Data, before.Users), (after.Data, after.Users));
        Assert.Equal(before.Denials + 1, after.Denials);
    }

    /// <summary>The OperationResult a service call returned, alone or first in a tuple; null for other results.</summary>
    private static OperationResult? OperationResultOf(Task task) =>
        task.GetType().GetProperty(nameof(Task<int>.Result))?.GetValue(task) switch
        {
            OperationResult result => result,
            System.Runtime.CompilerServices.ITuple { Length: > 0 } tuple when tuple[0] is OperationResult first => first,
            _ => null,
        };

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Managing_users_is_for_administrators_only(string role)
    {
        var accounts = Get<UserAdministrationService>();
        var actor = As(role);
        var target = await TestUsers.CreateAsync(Services, $"muc-tieu-{role}@thu.local", Roles.Leader);
        var allowed = role == Roles.Administrator;

        await AssertAllowedOrRefusedAsync(allowed, () => accounts.ListAsync(actor, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => accounts.CreateAsync(actor, new UserInput($"moi-{role}@thu.local", "Người mới", [Roles.Leader], []), TestUsers.Password, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => accounts.SetDisabledAsync(actor, target.Id, true, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => accounts.ResetPasswordAsync(actor, target.Id, "Một mật khẩu mới rất dài 2027", Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => accounts.SetTwoFactorRequiredAsync(actor, Roles.Leader, true, Ct));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Reading_and_verifying_the_trail_is_for_auditors_only(string role)
    {
        var actor = As(role);
        var allowed = role == Roles.Auditor;

        await AssertAllowedOrRefusedAsync(allowed, () => Get<AuditTrailService>().SearchAsync(actor, new AuditFilter(), 0, 10, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => Get<AuditVerifier>().VerifyAsync(actor, Ct));
    }
}
