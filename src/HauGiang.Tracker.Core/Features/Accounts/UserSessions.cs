using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>
/// Server-side sessions (OWASP ASVS 5.0 V7): a session ends at sign-out, after <see cref="IdleLifetime"/>
/// without activity, and <see cref="AbsoluteLifetime"/> after sign-in whatever the activity.
/// </summary>
public sealed class UserSessions(IDbContextFactory<TrackerDbContext> contexts, TimeProvider clock)
{
    /// <summary>A working day plus margin: ASVS's level-2 guidance of 12 hours before signing in again.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>ASVS's level-2 guidance of 30 minutes of inactivity; offices leave browsers open on shared desks.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    // Writing the last-seen time on every request would turn each page view into a write; a minute
    // of imprecision is nothing against a 30-minute idle limit.
    private static readonly TimeSpan TouchPrecision = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a session for a user who has just signed in; its id goes into the cookie.</summary>
    public async Task<Guid> StartAsync(string userId, CancellationToken ct = default)
    {
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, StartedAt = Now, LastSeenAt = Now };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Whether the session is alive for this user; with <paramref name="activity"/> it also counts as used now.</summary>
    public async Task<bool> IsAliveAsync(Guid id, string userId, bool activity, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || session.UserId != userId || session.EndedAt is not null
            || now >= session.StartedAt + AbsoluteLifetime || now >= session.LastSeenAt + IdleLifetime)
        {
            return false;
        }
        if (activity && now - session.LastSeenAt >= TouchPrecision)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }
        return true;
    }

    /// <summary>Ends one session (sign-out): its cookie, replayed, is refused from now on.</summary>
    public async Task EndAsync(Guid id, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }
}
