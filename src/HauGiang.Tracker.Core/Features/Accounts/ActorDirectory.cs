using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>Reads who a user is right now: roles and units from the database, never from a cookie.</summary>
public sealed class ActorDirectory(IDbContextFactory<TrackerDbContext> dbFactory)
{
    /// <summary>The actor for a user id; null when the user does not exist or is disabled.</summary>
    public async Task<Actor?> FindAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, Name = u.FullName != "" ? u.FullName : u.UserName })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var units = await db.UserUnits.Where(u => u.UserId == userId).Select(u => u.OrgUnitId).ToListAsync(ct);
        return new Actor(user.Id, user.Name ?? user.Id, roles.ToHashSet(StringComparer.Ordinal), units.ToHashSet());
    }
}
