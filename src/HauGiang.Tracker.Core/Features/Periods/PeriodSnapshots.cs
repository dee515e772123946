using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Periods;

/// <summary>
/// Freezes where every item stood for a period when it closes, judged as of the period's last day (or the
/// closing day, when a period is closed before it ends: nothing is judged overdue for days still to come):
/// the deadline and lead unit in force on that day, and the reports recorded by the closing instant.
/// Only submitted and confirmed reports count as reported; the confirmed one is the period's figure.
/// </summary>
public static class PeriodSnapshots
{
    public static async Task<int> TakeAsync(TrackerDbContext db, ReportingPeriod period, DateTime takenAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var closedOn = VietnamClock.DayOf(takenAt);
        var day = closedOn < period.EndsOn ? closedOn : period.EndsOn;
        var facts = await ItemFactsQuery.LoadAsync(db, period.ProgramId, day, period.Id, ct, recordedBy: takenAt, periodsUpTo: day);
        var items = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == period.ProgramId)
            .Select(i => new { i.Id, i.State, i.Deadline, i.OriginalDeadline }).ToListAsync(ct);
        var revisions = (await db.DeadlineRevisions.AsNoTracking()
            .Where(r => db.WorkItems.Any(i => i.Id == r.WorkItemId && i.ProgramId == period.ProgramId) && r.EffectiveOn <= day)
            .Select(r => new { r.WorkItemId, r.Sequence, r.Deadline }).ToListAsync(ct)).ToLookup(r => r.WorkItemId);
        var leads = (await db.Assignments.AsNoTracking()
            .Where(a => a.WorkItem!.ProgramId == period.ProgramId && a.Role == AssignmentRole.Lead && a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day))
            .Select(a => new { a.WorkItemId, a.OrgUnitId }).ToListAsync(ct)).ToLookup(a => a.WorkItemId);
        var reports = (await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == period.Id && !r.IsContribution && (r.State == ReviewState.Submitted || r.State == ReviewState.Confirmed) && r.SupersededById == null && r.SubmittedAt <= takenAt)
            .Select(r => new { r.Id, r.WorkItemId, r.ReportingUnitId, r.State }).ToListAsync(ct)).ToLookup(r => r.WorkItemId);
        var existing = (await db.PeriodSnapshots.Where(s => s.PeriodId == period.Id).Select(s => s.WorkItemId).ToListAsync(ct)).ToHashSet();

        var taken = 0;
        foreach (var item in items.Where(i => !existing.Contains(i.Id)))
        {
            var history = revisions[item.Id].OrderBy(r => r.Sequence).ToList();
            var original = history.FirstOrDefault()?.Deadline ?? item.OriginalDeadline;
            var inForce = history.LastOrDefault()?.Deadline ?? item.OriginalDeadline;
            var f = facts.GetValueOrDefault(item.Id, ItemFacts.None);
            var status = StatusEvaluator.Evaluate(new StatusFacts(inForce, original, f.Completions, f.HasStarted, f.ReportedThisPeriod, day));
            var lead = leads[item.Id].FirstOrDefault()?.OrgUnitId;
            var report = reports[item.Id].Where(r => lead is null || r.ReportingUnitId == lead)
                .OrderByDescending(r => r.State == ReviewState.Confirmed).ThenByDescending(r => r.Id).FirstOrDefault();
            db.PeriodSnapshots.Add(new PeriodSnapshot
            {
                PeriodId = period.Id,
                WorkItemId = item.Id,
                LeadUnitId = lead,
                ReportId = report?.Id,
                ReportState = report?.State,
                Percent = CompletionRule.OfficialPercent(status, f.LatestConfirmedPercent),
                Axis = status.Axis,
                AgainstOriginal = status.AgainstOriginal,
                NotStarted = status.NotStarted,
                Undated = status.Undated,
                Reported = report is not null,
                DueDate = status.DueDate,
                CompletedOn = status.CompletedOn,
                TakenAt = takenAt,
            });
            taken++;
        }
        return taken;
    }
}
