using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Notifications;

public sealed record MailQueueRow(long Id, MailKind Kind, string ToName, string ToAddress, string Subject, MailState State, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

public sealed record MailQueueSummary(bool IsOn, string Route, int Pending, int Retrying, int Failed, int SentToday, IReadOnlyList<MailQueueRow> Rows, int Total, int PageIndex);

/// <summary>The administrator's view of e-mail: where it goes, what waits, what is retried, what failed; a failed message can be sent again.</summary>
public sealed class MailQueueService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard, TimeProvider clock, IMailTransport? transport = null)
{
    public const int PageSize = 25;

    /// <param name="state">Only this state; all when null. Pending rows that failed before are "retrying".</param>
    // The people who manage accounts (and their addresses) see their mail.
    public async Task<MailQueueSummary> ListAsync(Actor actor, MailState? state, int pageIndex, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, "hàng đợi thư", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var startOfDay = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var counts = await db.OutgoingMails.GroupBy(m => 1).Select(g => new
        {
            Pending = g.Count(m => m.State == MailState.Pending && m.Attempts == 0),
            Retrying = g.Count(m => m.State == MailState.Pending && m.Attempts > 0),
            Failed = g.Count(m => m.State == MailState.Failed),
            SentToday = g.Count(m => m.State == MailState.Sent && m.SentAt >= startOfDay),
        }).SingleOrDefaultAsync(ct);
        var shown = db.OutgoingMails.AsNoTracking().Where(m => state == null || m.State == state);
        var total = await shown.CountAsync(ct);
        pageIndex = Math.Clamp(pageIndex, 0, Math.Max(0, (total - 1) / PageSize));
        var rows = await shown.OrderBy(m => m.State).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(pageIndex * PageSize).Take(PageSize)
            .Select(m => new MailQueueRow(m.Id, m.Kind, m.ToName, m.ToAddress, m.Subject, m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
        return new MailQueueSummary(transport is not null, transport?.Describe() ?? "", counts?.Pending ?? 0, counts?.Retrying ?? 0, counts?.Failed ?? 0,
            counts?.SentToday ?? 0, rows, total, pageIndex);
    }

    /// <summary>Puts a failed message back in the queue, due now, with its attempts counted afresh.</summary>
    public async Task<OperationResult> RetryAsync(Actor actor, long mailId, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageUsers, null, $"thư {mailId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.OutgoingMails.Where(m => m.Id == mailId && m.State == MailState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct);
        return changed == 1 ? OperationResult.Success : OperationResult.Form("Thư này không còn ở trạng thái gửi lỗi; tải lại để xem.");
    }
}
