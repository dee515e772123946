using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Calendar;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>
/// Works out who must be told what today, from the tracked data alone, and records each notice once.
/// It can run any number of times, on any number of instances: a notice's key names its occurrence, and
/// the database keeps one per person and key. Deadlines and periods are read from today's program facts
/// (the read model of the dashboard); events (returns, confirmations, explanations, deadline adjustments,
/// work taken over after a merger) from the last <see cref="EventWindowDays"/> days.
/// </summary>
public sealed class NoticeScanner(IDbContextFactory<TrackerDbContext> dbFactory, ProgramFactsStore factsStore, HolidayService holidays,
    TimeProvider clock, ILogger<NoticeScanner> logger)
{
    /// <summary>Events older than this are not announced: a first start does not replay the archive.</summary>
    public const int EventWindowDays = 14;

    /// <summary>Calendar days before the deadline of the first reminder.</summary>
    public const int FirstReminderDays = 30;

    /// <summary>Working days before the deadline of the second and the last reminders.</summary>
    public static readonly IReadOnlyList<int> WorkingDayReminders = [1, 7];

    public const int LongOverdueDays = 30;

    /// <summary>Computes today's notices and records the new ones; returns how many were new.</summary>
    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamClock.Today(clock);
        var calendar = await holidays.CalendarForAsync(new DateRange(today.AddDays(-60), today.AddDays(400)), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await Recipients.LoadAsync(db, ct);
        var drafts = new List<(NoticeDraft Draft, IEnumerable<Recipient> To)>();
        foreach (var program in await factsStore.ProgramsAsync(ct))
        {
            if (await factsStore.GetAsync(new FactsRequest(program.Id), ct) is { } facts)
            {
                drafts.AddRange(Deadlines(facts, calendar).Select(d => (d.Draft, recipients.StaffOf(d.UnitId))));
                var reporting = facts.Items.Where(i => i.Row.State == ItemState.Active && !i.Row.Status.IsCompleted && i.Row.Lead is not null)
                    .Select(i => (int?)i.Row.Lead!.Id).Distinct().SelectMany(recipients.StaffOf).DistinctBy(r => r.UserId).ToList();
                drafts.AddRange((await PeriodsAsync(db, program.Id, today, calendar, ct)).Select(d => (d, (IEnumerable<Recipient>)reporting)));
            }
        }
        drafts.AddRange(await EventsAsync(db, recipients, now, ct));
        var notices = drafts.SelectMany(d => d.To.Select(r => d.Draft.For(r.UserId, now))).DistinctBy(n => (n.UserId, n.Key)).ToList();
        var added = await NoticeStore.AddNewAsync(db, notices, ct);
        if (added > 0)
        {
            logger.LogInformation("Recorded {Added} new notices of {Computed} due today.", added, notices.Count);
        }
        return added;
    }

    /// <summary>
    /// The deadline notice of each open item with a due day, for its lead unit: 30 calendar days before, then 7
    /// and 1 working days before the last working day on or before the due day (a deadline on a holiday or a
    /// weekend is reminded the working day before); overdue the day after, and again past 30 days. Only the
    /// most pressing one of the day is made: an item added six days before its deadline gets the 7-day notice only.
    /// </summary>
    public static IEnumerable<(NoticeDraft Draft, int UnitId)> Deadlines(ProgramFacts facts, WorkingCalendar calendar)
    {
        foreach (var item in facts.Items)
        {
            var row = item.Row;
            if (row.State == ItemState.Active && !row.Status.IsCompleted && row.Status.DueDate is { } due && row.Lead is { } lead
                && DeadlineNotice(facts.Program.Id, row, due, facts.Today, calendar) is { } draft)
            {
                yield return (draft, lead.Id);
            }
        }
    }

    private static NoticeDraft? DeadlineNotice(int programId, ItemRow row, DateOnly due, DateOnly today, WorkingCalendar calendar)
    {
        var stamp = due.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var dueText = NoticeTexts.Day(due);
        if (today > due)
        {
            var late = today.DayNumber - due.DayNumber;
            return late > LongOverdueDays
                ? NoticeDraft.Item(NoticeKind.LongOverdue, $"overdue-30:{row.Id}:{stamp}", programId, row, $"Quá hạn trên {LongOverdueDays} ngày: {NoticeTexts.Name(row)}",
                    $"Hạn {dueText}; đã quá {late} ngày.", due)
                : NoticeDraft.Item(NoticeKind.Overdue, $"overdue:{row.Id}:{stamp}", programId, row, $"Đã quá hạn: {NoticeTexts.Name(row)}",
                    $"Hạn {dueText} đã qua mà chưa hoàn thành.", due);
        }
        var lastWorkingDay = calendar.WorkingDayOnOrBefore(due);
        foreach (var days in WorkingDayReminders)
        {
            if (today >= calendar.AddWorkingDays(lastWorkingDay, -days))
            {
                var left = today >= lastWorkingDay ? 0 : calendar.WorkingDaysBetween(today, lastWorkingDay);
                return NoticeDraft.Item(NoticeKind.DeadlineSoon, $"due-{days}wd:{row.Id}:{stamp}", programId, row, $"Sắp đến hạn: {NoticeTexts.Name(row)}",
                    left == 0 ? $"Hạn {dueText}: hôm nay là ngày làm việc cuối cùng." : $"Hạn {dueText}; còn {left} ngày làm việc.", due, days);
            }
        }
        if (today >= calendar.WorkingDayOnOrBefore(due.AddDays(-FirstReminderDays)))
        {
            return NoticeDraft.Item(NoticeKind.DeadlineSoon, $"due-{FirstReminderDays}d:{row.Id}:{stamp}", programId, row, $"Sắp đến hạn: {NoticeTexts.Name(row)}",
                $"Hạn {dueText}; còn {due.DayNumber - today.DayNumber} ngày.", due, FirstReminderDays);
        }
        return null;
    }

    /// <summary>A period's opening (from its first day) and its last reporting day (the working day on or before its end).</summary>
    private static async Task<List<NoticeDraft>> PeriodsAsync(TrackerDbContext db, int programId, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.ProgramId == programId && p.State != PeriodState.Closed && p.StartsOn <= today && today <= p.EndsOn)
            .OrderBy(p => p.EndsOn).ToListAsync(ct);
        var drafts = new List<NoticeDraft>();
        foreach (var period in periods)
        {
            var window = $"từ {NoticeTexts.Day(period.StartsOn)} đến {NoticeTexts.Day(period.EndsOn)}";
            var lastDay = calendar.WorkingDayOnOrBefore(period.EndsOn);
            if (today >= lastDay)
            {
                drafts.Add(new NoticeDraft(NoticeKind.PeriodLastDay, $"period-last:{period.Id}", $"Hạn chót gửi báo cáo {period.Label}",
                    today == period.EndsOn || lastDay == period.EndsOn
                        ? $"Hôm nay là ngày cuối cùng của kỳ báo cáo ({window})."
                        : $"Kỳ báo cáo kết thúc ngày {NoticeTexts.Day(period.EndsOn)}, ngày nghỉ: hôm nay là ngày làm việc cuối cùng để gửi báo cáo.",
                    "viec-cua-don-vi")
                { ProgramId = programId, PeriodId = period.Id, DueOn = period.EndsOn });
            }
            else
            {
                drafts.Add(new NoticeDraft(NoticeKind.PeriodOpened, $"period-open:{period.Id}", $"Mở kỳ báo cáo {period.Label}",
                    $"Gửi báo cáo tiến độ {window}; ngày làm việc cuối cùng là {NoticeTexts.Day(lastDay)}.", "viec-cua-don-vi")
                { ProgramId = programId, PeriodId = period.Id, DueOn = period.EndsOn });
            }
        }
        return drafts;
    }

    private static async Task<List<(NoticeDraft, IEnumerable<Recipient>)>> EventsAsync(TrackerDbContext db, Recipients recipients, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-EventWindowDays);
        var found = new List<(NoticeDraft, IEnumerable<Recipient>)>();

        var reviews = await db.ReviewEvents.AsNoTracking()
            .Where(e => e.At >= since && (e.ToState == ReviewState.Returned || e.ToState == ReviewState.Confirmed))
            .Join(db.Reports.AsNoTracking(), e => e.ReportId, r => r.Id, (e, r) => new { e.Id, e.ToState, e.Note, r.ReportingUnitId, r.WorkItemId, r.Percent })
            .Join(db.WorkItems.AsNoTracking(), x => x.WorkItemId, i => i.Id, (x, i) => new { x.Id, x.ToState, x.Note, x.ReportingUnitId, x.Percent, i.ProgramId, ItemId = i.Id, i.Code, i.Title })
            .OrderBy(x => x.Id).ToListAsync(ct);
        foreach (var r in reviews)
        {
            var draft = r.ToState == ReviewState.Returned
                ? new NoticeDraft(NoticeKind.ReportReturned, $"returned:{r.Id}", $"Báo cáo bị trả lại: {r.Code} – {r.Title}",
                    string.IsNullOrWhiteSpace(r.Note) ? "Văn phòng theo dõi trả lại báo cáo; xem và gửi lại." : $"Lý do: {r.Note}", $"muc/{r.ItemId}/bao-cao")
                : new NoticeDraft(NoticeKind.ReportConfirmed, $"confirmed:{r.Id}", $"Báo cáo đã được xác nhận: {r.Code} – {r.Title}",
                    $"Văn phòng theo dõi xác nhận báo cáo {r.Percent}%.", $"muc/{r.ItemId}");
            found.Add((draft with { ProgramId = r.ProgramId, WorkItemId = r.ItemId }, recipients.StaffOf(r.ReportingUnitId)));
        }

        var explanations = await db.ExplanationRequests.AsNoTracking()
            .Where(e => e.RequestedAt >= since || e.AnsweredAt >= since)
            .Join(db.WorkItems.AsNoTracking(), e => e.WorkItemId, i => i.Id, (e, i) => new { e.Id, e.UnitId, e.Question, e.DueOn, e.RequestedAt, e.RequestedById, e.RequestedBy, e.Answer, e.AnsweredAt, e.AnsweredBy, i.ProgramId, ItemId = i.Id, i.Code, i.Title })
            .OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in explanations)
        {
            if (e.RequestedAt >= since)
            {
                var due = e.DueOn is { } d ? $" Hạn trả lời: {NoticeTexts.Day(d)}." : "";
                found.Add((new NoticeDraft(NoticeKind.ExplanationRequested, $"explain:{e.Id}", $"Yêu cầu giải trình: {e.Code} – {e.Title}",
                    $"{e.RequestedBy} hỏi: {e.Question}{due}", $"muc/{e.ItemId}")
                { ProgramId = e.ProgramId, WorkItemId = e.ItemId, DueOn = e.DueOn }, recipients.StaffOf(e.UnitId)));
            }
            if (e.AnsweredAt >= since)
            {
                var asker = recipients.Find(e.RequestedById);
                found.Add((new NoticeDraft(NoticeKind.ExplanationAnswered, $"explain-answer:{e.Id}", $"Đơn vị đã giải trình: {e.Code} – {e.Title}",
                    $"{e.AnsweredBy} trả lời: {e.Answer}", $"muc/{e.ItemId}")
                { ProgramId = e.ProgramId, WorkItemId = e.ItemId }, asker is null ? [] : [asker]));
            }
        }

        var today = VietnamClock.DayOf(now);
        var adjusted = await db.DeadlineRevisions.AsNoTracking()
            .Where(r => r.Sequence > 0 && r.RecordedAt >= since)
            .Join(db.WorkItems.AsNoTracking(), r => r.WorkItemId, i => i.Id, (r, i) => new { r.Id, r.Deadline, r.BasisNumber, i.ProgramId, ItemId = i.Id, i.Code, i.Title })
            .OrderBy(r => r.Id).ToListAsync(ct);
        var leads = await LeadsAsync(db, adjusted.Select(a => a.ItemId), today, ct);
        foreach (var a in adjusted)
        {
            var basis = string.IsNullOrWhiteSpace(a.BasisNumber) ? "" : $" (theo {a.BasisNumber})";
            found.Add((new NoticeDraft(NoticeKind.DeadlineAdjusted, $"deadline-adjusted:{a.Id}", $"Điều chỉnh thời hạn: {a.Code} – {a.Title}",
                $"Thời hạn mới: {a.Deadline}{basis}.", $"muc/{a.ItemId}")
            { ProgramId = a.ProgramId, WorkItemId = a.ItemId, DueOn = a.Deadline.DueDate },
                recipients.StaffOf(leads.GetValueOrDefault(a.ItemId))));
        }

        // Work taken over by a successor when a merger was recorded: the new lead assignments made in the window.
        var recorded = db.AuditEntries.Where(e => e.Category == AuditCategory.Data && e.At >= since && e.EntityType == nameof(WorkItemAssignment) && e.Action == "insert")
            .Select(e => e.EntityKey);
        var moved = await db.Assignments.AsNoTracking()
            .Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && recorded.Contains(a.Id.ToString())
                && db.UnitSuccessions.Any(s => s.SuccessorId == a.OrgUnitId && s.EffectiveOn == a.StartsOn))
            .Join(db.WorkItems.AsNoTracking(), a => a.WorkItemId, i => i.Id, (a, i) => new { a.Id, a.OrgUnitId, a.Note, a.StartsOn, i.ProgramId, ItemId = i.Id, i.Code, i.Title, i.State })
            .Where(a => a.State == ItemState.Active)
            .OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var m in moved)
        {
            found.Add((new NoticeDraft(NoticeKind.ItemMoved, $"moved:{m.Id}", $"Đơn vị tiếp nhận: {m.Code} – {m.Title}",
                $"{m.Note ?? "Tiếp nhận sau sáp nhập"}; từ ngày {NoticeTexts.Day(m.StartsOn)}.", $"muc/{m.ItemId}")
            { ProgramId = m.ProgramId, WorkItemId = m.ItemId },
                recipients.StaffOf(m.OrgUnitId)));
        }
        return found;
    }

    private static async Task<Dictionary<int, int?>> LeadsAsync(TrackerDbContext db, IEnumerable<int> itemIds, DateOnly today, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var leads = await db.Assignments.AsNoTracking()
            .Where(a => ids.Contains(a.WorkItemId) && a.Role == AssignmentRole.Lead && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
            .Select(a => new { a.WorkItemId, a.OrgUnitId }).ToListAsync(ct);
        return leads.GroupBy(l => l.WorkItemId).ToDictionary(g => g.Key, g => (int?)g.First().OrgUnitId);
    }
}
