using System.Net.Mail;
using System.Security.Claims;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>An account as administrators list it; <see cref="LockedOutUntil"/> is set only while a lockout lasts.</summary>
public sealed record UserSummary(
    string Id, string Email, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds, IReadOnlyList<string> UnitNames,
    bool IsDisabled, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, string ConcurrencyStamp);

public sealed record UserInput(string Email, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds);

public sealed record RoleSecurity(string Role, bool RequiresTwoFactor);

/// <summary>Administrators manage accounts: create, roles and units, disable, reset a password, require 2FA per role.</summary>
public sealed class UserAdministrationService(IServiceScopeFactory scopes, AccessGuard guard, SecurityEvents events)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, "danh sách người dùng", ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var units = await db.UserUnits.Select(u => new { u.UserId, u.OrgUnitId, u.OrgUnit!.Name }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.FullName).ThenBy(u => u.Email).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        return [.. users.Select(u => new UserSummary(
            u.Id, u.Email ?? "", u.FullName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)],
            [.. units.Where(x => x.UserId == u.Id).Select(x => x.OrgUnitId)],
            [.. units.Where(x => x.UserId == u.Id).Select(x => x.Name)],
            u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd > now ? u.LockoutEnd : null, u.ConcurrencyStamp ?? ""))];
    }

    public async Task<OperationResult> CreateAsync(Actor actor, UserInput input, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageUsers, null, input.Email, ct);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope, actor);
        var errors = await ValidateAsync(db, input, ct);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), FullName = input.FullName.Trim(), EmailConfirmed = true, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return Identity(created, "Password");
        }
        if (await users.AddToRolesAsync(user, input.Roles) is { Succeeded: false } refused)
        {
            return Identity(refused, OperationResult.FormKey);
        }
        db.UserUnits.AddRange(input.UnitIds.Distinct().Select(id => new UserUnit { UserId = user.Id, OrgUnitId = id }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await events.RecordAsync(SecurityEvents.AccountCreated, actor.UserId, actor.UserName, new { user = user.Email, roles = input.Roles }, ct: ct);
        return OperationResult.Success;
    }

    /// <summary>Changes name, roles and units; refused when someone else changed the account since <paramref name="concurrencyStamp"/> was read.</summary>
    public async Task<OperationResult> UpdateAsync(Actor actor, string userId, UserInput input, string concurrencyStamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageUsers, null, userId, ct);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope, actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return OperationResult.Form("Không tìm thấy người dùng này.");
        }
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return OperationResult.Form("Tài khoản vừa được người khác thay đổi. Tải lại danh sách để xem thay đổi rồi sửa lại.");
        }
        var errors = await ValidateAsync(db, input with { Email = user.Email ?? "" }, ct, existingUserId: userId);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var oldRoles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        user.FullName = input.FullName.Trim();
        // Each Identity call saves on its own; the first refusal returns before the commit, so none stays.
        foreach (var step in new Func<Task<IdentityResult>>[]
        {
            () => users.RemoveFromRolesAsync(user, oldRoles.Except(input.Roles)),
            () => users.AddToRolesAsync(user, input.Roles.Except(oldRoles)),
        })
        {
            if (await step() is { Succeeded: false } refused)
            {
                return Identity(refused, OperationResult.FormKey);
            }
        }
        var currentUnits = await db.UserUnits.Where(u => u.UserId == userId).ToListAsync(ct);
        db.UserUnits.RemoveRange(currentUnits.Where(u => !input.UnitIds.Contains(u.OrgUnitId)));
        db.UserUnits.AddRange(input.UnitIds.Distinct().Where(id => currentUnits.All(u => u.OrgUnitId != id)).Select(id => new UserUnit { UserId = userId, OrgUnitId = id }));
        await db.SaveChangesAsync(ct);
        // A new security stamp (saved with the name) makes every session of the user pick up the new roles, or end.
        if (await users.UpdateSecurityStampAsync(user) is { Succeeded: false } stamp)
        {
            return Identity(stamp, OperationResult.FormKey);
        }
        await transaction.CommitAsync(ct);
        if (!oldRoles.SetEquals(input.Roles))
        {
            await events.RecordAsync(SecurityEvents.RolesChanged, actor.UserId, actor.UserName,
                new { user = user.Email, before = oldRoles.Order(), after = input.Roles.Order() }, ct: ct);
        }
        return OperationResult.Success;
    }

    /// <summary>Disabling signs the user out everywhere: the security stamp changes and sign-in is refused.</summary>
    public async Task<OperationResult> SetDisabledAsync(Actor actor, string userId, bool disabled, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, userId, ct);
        if (disabled && userId == actor.UserId)
        {
            return OperationResult.Form("Không thể tự vô hiệu hóa tài khoản đang dùng.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var (_, users) = Services(scope, actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return OperationResult.Form("Không tìm thấy người dùng này.");
        }
        user.IsDisabled = disabled;
        // One save: the flag goes with the new security stamp that ends the user's sessions.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return Identity(result, OperationResult.FormKey);
        }
        await events.RecordAsync(disabled ? SecurityEvents.AccountDisabled : SecurityEvents.AccountEnabled, actor.UserId, actor.UserName, new { user = user.Email }, ct: ct);
        return OperationResult.Success;
    }

    public async Task<OperationResult> ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, userId, ct);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope, actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return OperationResult.Form("Không tìm thấy người dùng này.");
        }
        // Remove then add in one transaction: a refused new password leaves the old one in place.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.RemovePasswordAsync(user) is { Succeeded: false } removed)
        {
            return Identity(removed, "Password");
        }
        // A reset also lifts a lockout; the fields are saved with the new password.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.AddPasswordAsync(user, newPassword ?? "");
        if (!result.Succeeded)
        {
            return Identity(result, "Password");
        }
        await transaction.CommitAsync(ct);
        await events.RecordAsync(SecurityEvents.PasswordReset, actor.UserId, actor.UserName, new { user = user.Email }, ct: ct);
        return OperationResult.Success;
    }

    public async Task<IReadOnlyList<RoleSecurity>> RoleSecurityAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, "vai trò", ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        var requiring = await db.RoleClaims.Where(c => c.ClaimType == Roles.RequireTwoFactorClaim)
            .Join(db.Roles, c => c.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return [.. Roles.All.Select(r => new RoleSecurity(r, requiring.Contains(r)))];
    }

    /// <summary>Requires (or stops requiring) two-factor sign-in for everyone in a role.</summary>
    public async Task<OperationResult> SetTwoFactorRequiredAsync(Actor actor, string role, bool required, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, role, ct);
        await using var scope = scopes.CreateAsyncScope();
        Services(scope, actor);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var identityRole = await roles.FindByNameAsync(role);
        if (identityRole is null)
        {
            return OperationResult.Form("Vai trò không tồn tại.");
        }
        var claims = await roles.GetClaimsAsync(identityRole);
        var existing = claims.FirstOrDefault(c => c.Type == Roles.RequireTwoFactorClaim);
        var result = (required, existing) switch
        {
            (true, null) => await roles.AddClaimAsync(identityRole, new Claim(Roles.RequireTwoFactorClaim, "true")),
            (false, not null) => await roles.RemoveClaimAsync(identityRole, existing),
            _ => IdentityResult.Success,
        };
        return result.Succeeded ? OperationResult.Success : Identity(result, OperationResult.FormKey);
    }

    private static (TrackerDbContext Db, UserManager<AppUser> Users) Services(AsyncServiceScope scope, Actor actor)
    {
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        db.Actor = actor;
        return (db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private static async Task<ValidationErrors> ValidateAsync(TrackerDbContext db, UserInput input, CancellationToken ct, string? existingUserId = null)
    {
        var errors = new ValidationErrors();
        var email = input.Email?.Trim() ?? "";
        errors.Add("Email", email.Length == 0 ? "Nhập địa chỉ email dùng để đăng nhập." : null);
        errors.Add("Email", email.Length > 0 && !IsEmail(email) ? "Địa chỉ email không hợp lệ." : null);
        errors.Add("Email", existingUserId is null && await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct) ? "Email này đã có tài khoản." : null);
        errors.Add("FullName", string.IsNullOrWhiteSpace(input.FullName) ? "Nhập họ và tên." : null);
        errors.Add("FullName", (input.FullName?.Length ?? 0) > TextLimits.Name ? $"Họ và tên không quá {TextLimits.Name} ký tự." : null);
        errors.Add("Roles", input.Roles.Count == 0 ? "Chọn ít nhất một vai trò." : null);
        errors.Add("Roles", input.Roles.Any(r => !Roles.All.Contains(r)) ? "Có vai trò không hợp lệ." : null);
        errors.Add("Units", input.Roles.Contains(Roles.UnitStaff) && input.UnitIds.Count == 0 ? "Cán bộ đơn vị phải thuộc ít nhất một đơn vị." : null);
        var known = await db.OrgUnits.Where(u => input.UnitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        errors.Add("Units", input.UnitIds.Distinct().Count() != known.Count ? "Có đơn vị không tồn tại." : null);
        return errors;
    }

    private static bool IsEmail(string value) => MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static OperationResult Identity(IdentityResult result, string field) =>
        OperationResult.Fail(field, string.Join(" ", result.Errors.Select(e => e.Description)));
}
