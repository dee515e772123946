using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Notifications;

public sealed record NoticeView(long Id, NoticeKind Kind, string Title, string? Detail, string Link, DateTime CreatedAt, bool IsRead);

public sealed record NoticePage(IReadOnlyList<NoticeView> Notices, int Total, int Unread, int PageIndex, int PageSize);

/// <summary>What a person can change about the e-mail they get.</summary>
public sealed record NoticePreferencesInput(bool DailyDigest, bool WeeklyDigest, IReadOnlyCollection<NoticeKind> MailedKinds);

public sealed record NoticePreferencesView(NoticePreferencesInput Values, uint Version, bool Saved);

/// <summary>A person's own notices, as the bell and the notices page use them.</summary>
public interface INoticeInbox
{
    Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default);

    Task<NoticePage> ListAsync(Actor actor, bool unreadOnly, int pageIndex, CancellationToken ct = default);

    Task<string?> OpenAsync(Actor actor, long noticeId, CancellationToken ct = default);

    Task MarkReadAsync(Actor actor, long noticeId, CancellationToken ct = default);

    Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default);
}

/// <summary>
/// A person's own notices: the bell's count, the list, marking read. Every signed-in person has notices and
/// sees only theirs: the actor chooses whose, so there is nothing to guard beyond being signed in.
/// </summary>
public sealed class NoticeService(IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock) : INoticeInbox
{
    public const int PageSize = 20;

    /// <summary>For the bell.</summary>
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>The newest first, <see cref="PageSize"/> at a time.</summary>
    public async Task<NoticePage> ListAsync(Actor actor, bool unreadOnly, int pageIndex, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notices.AsNoTracking().Where(n => n.UserId == actor.UserId);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await shown.CountAsync(ct);
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAt == null, ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / PageSize));
        var notices = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(pageIndex * PageSize).Take(PageSize)
            .Select(n => new NoticeView(n.Id, n.Kind, n.Title, n.Detail, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return new NoticePage(notices, total, unread, pageIndex, PageSize);
    }

    /// <summary>Marks one notice read and returns where it opens; null when it is not the person's.</summary>
    public async Task<string?> OpenAsync(Actor actor, long noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Notices.Where(n => n.Id == noticeId && n.UserId == actor.UserId).Select(n => n.Link).SingleOrDefaultAsync(ct);
        if (link is not null)
        {
            await MarkAsync(db, actor, noticeId, ct);
        }
        return link;
    }

    public async Task MarkReadAsync(Actor actor, long noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MarkAsync(db, actor, noticeId, ct);
    }

    /// <summary>Marks every unread notice read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notices.Where(n => n.UserId == actor.UserId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NoticePreferencesView> PreferencesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.NoticePreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        var values = saved ?? new NoticePreference { UserId = actor.UserId };
        return new NoticePreferencesView(new NoticePreferencesInput(values.DailyDigest, values.WeeklyDigest, values.MailedKinds), values.Version, saved is not null);
    }

    /// <summary>Saves the person's choices; a save from a page older than the last one is refused, not merged.</summary>
    public async Task<OperationResult> SavePreferencesAsync(Actor actor, NoticePreferencesInput input, uint? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (!await db.Users.AnyAsync(u => u.Id == actor.UserId && !u.IsDisabled, ct))
        {
            return OperationResult.Form("Tài khoản này không còn hoạt động; không lưu được lựa chọn nhận thư.");
        }
        var saved = await db.NoticePreferences.SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        const string conflict = "Lựa chọn nhận thư vừa được lưu ở một cửa sổ khác; tải lại trang để xem.";
        if (saved is null && version is not null)
        {
            return OperationResult.Form(conflict);
        }
        var row = saved ?? db.NoticePreferences.Add(new NoticePreference { UserId = actor.UserId }).Entity;
        row.DailyDigest = input.DailyDigest;
        row.WeeklyDigest = input.WeeklyDigest;
        row.MailedKinds = [.. input.MailedKinds.Distinct().Order()];
        if (saved is null)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return OperationResult.Success;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                return OperationResult.Form(conflict);
            }
        }
        return await db.SaveAtVersionAsync(saved, version ?? 0, conflict, ct);
    }

    private async Task MarkAsync(TrackerDbContext db, Actor actor, long noticeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notices.Where(n => n.Id == noticeId && n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
