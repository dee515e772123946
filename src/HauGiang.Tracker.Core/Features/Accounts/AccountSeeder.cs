using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>A sample account of the development run: one per role, password chosen by the run script.</summary>
public sealed record SeedAccount(string Email, string FullName, string Role, string? UnitCode, string Password);

/// <summary>Creates the development run's sample accounts, and the first administrator of a real installation.</summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes)
{
    /// <summary>The sample accounts, by the key the run script passes their password under (DevAccounts__{key}).</summary>
    public static readonly IReadOnlyList<(string Key, string Email, string FullName, string Role, string? UnitCode)> DevelopmentAccounts =
    [
        ("admin", "quantri@haugiang.local", "Quản trị hệ thống", Roles.Administrator, null),
        ("staff", "canbo.snv@haugiang.local", "Cán bộ Sở Nội vụ thành phố Cần Thơ", Roles.UnitStaff, "CT-SNV"),
        ("staff2", "canbo.stc@haugiang.local", "Cán bộ Sở Tài chính thành phố Cần Thơ", Roles.UnitStaff, "CT-STC"),
        ("office", "vanphong@haugiang.local", "Văn phòng theo dõi", Roles.MonitoringOffice, null),
        ("leader", "lanhdao@haugiang.local", "Lãnh đạo Tỉnh ủy", Roles.Leader, null),
        ("auditor", "kiemtra@haugiang.local", "Cán bộ kiểm tra", Roles.Auditor, null),
    ];

    /// <summary>Creates each account, or sets its password, roles and unit to the given ones; a rerun changes nothing else.</summary>
    public async Task EnsureAsync(IReadOnlyList<SeedAccount> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        db.Actor = Actor.System("tài khoản mẫu");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new AppUser { UserName = account.Email, Email = account.Email, FullName = account.FullName, EmailConfirmed = true, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
                Check(await users.CreateAsync(user, account.Password), account.Email);
            }
            else if (!await users.CheckPasswordAsync(user, account.Password))
            {
                Check(await users.RemovePasswordAsync(user), account.Email);
                Check(await users.AddPasswordAsync(user, account.Password), account.Email);
            }
            if (!await users.IsInRoleAsync(user, account.Role))
            {
                Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            }
            if (account.UnitCode is not null)
            {
                var unitId = await db.OrgUnits.Where(u => u.Code == account.UnitCode).Select(u => u.Id).SingleAsync(ct);
                if (!await db.UserUnits.AnyAsync(u => u.UserId == user.Id && u.OrgUnitId == unitId, ct))
                {
                    db.UserUnits.Add(new UserUnit { UserId = user.Id, OrgUnitId = unitId });
                    await db.SaveChangesAsync(ct);
                }
            }
        }
    }

    public async Task<bool> HasAdministratorAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        return await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), id => id, u => u.Id, (id, _) => id).AnyAsync(ct);
    }

    /// <summary>The first administrator of an installation, made from the command line rather than a default password.</summary>
    public async Task<OperationResult> CreateAdministratorAsync(string email, string fullName, string password, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        db.Actor = Actor.System("create-admin");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return OperationResult.Fail("Email", $"Đã có tài khoản {email}.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return OperationResult.Fail(created.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? "Password" : "Email",
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        await transaction.CommitAsync(ct);
        return OperationResult.Success;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Sample account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
