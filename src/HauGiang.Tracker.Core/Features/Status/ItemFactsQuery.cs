using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Status;

/// <summary>
/// Reads, in a fixed number of set-based queries (not one per item), the report facts the status rules
/// need for every item of a program, as they stood at the end of a given day.
/// </summary>
public static class ItemFactsQuery
{
    /// <param name="recordedBy">The instant reports must have been submitted and reviewed by; the end of <paramref name="asOf"/> when null.</param>
    /// <param name="periodsUpTo">Only reports of periods ending by this day count (a snapshot of an old period).</param>
    /// <param name="itemIds">Only these items (still one set of queries, however many); every item of the program when null.</param>
    public static async Task<IReadOnlyDictionary<int, ItemFacts>> LoadAsync(
        TrackerDbContext db, int programId, DateOnly asOf, int? currentPeriodId, CancellationToken ct, DateTime? recordedBy = null, DateOnly? periodsUpTo = null,
        IReadOnlyCollection<int>? itemIds = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = recordedBy ?? EndOfDayUtc(asOf);
        // Contributions of coordinating units are shown on the item but never make its official figures.
        // A report replaced by a correction still counts for the days before the correction was confirmed.
        var live = db.Reports.Where(r => r.WorkItem!.ProgramId == programId && !r.IsContribution
                                         && (r.SupersededById == null || db.Reports.Any(c => c.Id == r.SupersededById && c.ReviewedAt > cutoff))
                                         && r.State != ReviewState.Draft && r.SubmittedAt <= cutoff);
        if (periodsUpTo is { } lastEnd)
        {
            // Only then is the join to the periods needed.
            live = live.Where(r => r.Period!.EndsOn <= lastEnd);
        }
        var programDocuments = db.Documents.Where(d => d.ProgramId == programId);
        if (itemIds is not null)
        {
            live = live.Where(r => itemIds.Contains(r.WorkItemId));
            programDocuments = programDocuments.Where(d => itemIds.Contains(d.Id));
        }

        // One pass over the reports, folded here: the per-item figures and the latest confirmed percent (by the
        // period's end, then the review) took three scans in SQL, one a sort of every confirmed report, and before
        // that a subquery per item (about a second a program at scale L).
        var reports = await live
            .Select(r => new
            {
                r.WorkItemId,
                r.Percent,
                // The two states the fold asks about, as flags: the state by name made a string and a parse per report.
                Confirmed = r.State == ReviewState.Confirmed,
                Submitted = r.State == ReviewState.Submitted,
                r.PeriodId,
                r.SubmittedAt,
                r.ReviewedAt,
                r.Id,
            })
            .ToListAsync(ct);
        // The periods' ends apart: joined in the scan, every program's periods were hashed for each program's reports.
        var periodEnds = await db.Periods.AsNoTracking().Where(p => p.ProgramId == programId).ToDictionaryAsync(p => p.Id, p => p.EndsOn, ct);
        var elsewhere = reports.Select(r => r.PeriodId).Where(id => !periodEnds.ContainsKey(id)).Distinct().ToList();
        if (elsewhere.Count > 0)
        {
            foreach (var period in await db.Periods.AsNoTracking().Where(p => elsewhere.Contains(p.Id)).Select(p => new { p.Id, p.EndsOn }).ToListAsync(ct))
            {
                periodEnds[period.Id] = period.EndsOn;
            }
        }
        var summaries = reports.GroupBy(r => r.WorkItemId)
            .Select(g => new
            {
                ItemId = g.Key,
                MaxPercent = g.Max(r => r.Percent),
                InCurrent = g.Count(r => r.PeriodId == currentPeriodId && (r.Submitted || r.Confirmed)),
                LastAt = g.Max(r => r.SubmittedAt),
            })
            .ToList();
        var latest = reports.Where(r => r.Confirmed && r.ReviewedAt <= cutoff)
            .GroupBy(r => r.WorkItemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => periodEnds[r.PeriodId]).ThenByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).First().Percent);

        var confirmed = live.Where(r => r.State == ReviewState.Confirmed && r.ReviewedAt <= cutoff);
        var completions = await confirmed
            .Where(r => r.Percent == CompletionRule.Complete && r.Evidence.Any())
            .Select(r => new { r.WorkItemId, r.AchievedOn, r.SubmittedAt })
            .ToListAsync(ct);

        var documents = await programDocuments
            .Select(d => new { d.Id, d.Stage, d.IssuedOn, d.IssuanceConfirmedAt })
            .ToListAsync(ct);

        var done = completions
            .Select(c => (c.WorkItemId, Day: c.AchievedOn ?? VietnamClock.DayOf(c.SubmittedAt!.Value)))
            .Concat(documents
                .Where(d => d.Stage == DocumentStage.Issued && d.IssuedOn is not null && d.IssuanceConfirmedAt <= cutoff)
                .Select(d => (WorkItemId: d.Id, Day: d.IssuedOn!.Value)))
            .Where(c => c.Day <= asOf)
            .ToLookup(c => c.WorkItemId, c => c.Day);
        var startedDocuments = documents.Where(d => d.Stage != DocumentStage.NotStarted).Select(d => d.Id).ToHashSet();

        var ids = summaries.Select(s => s.ItemId).Concat(startedDocuments).Concat(done.Select(g => g.Key)).Distinct();
        var bySummary = summaries.ToDictionary(s => s.ItemId);
        return ids.ToDictionary(id => id, id =>
        {
            bySummary.TryGetValue(id, out var s);
            return new ItemFacts(
                [.. done[id].Order()],
                HasStarted: (s?.MaxPercent ?? 0) > 0 || startedDocuments.Contains(id) || done[id].Any(),
                ReportedThisPeriod: s?.InCurrent > 0,
                LatestConfirmedPercent: latest.TryGetValue(id, out var p) ? p : null,
                LastReportAt: s?.LastAt);
        });
    }

    /// <summary>The last instant of a Vietnamese calendar day, in UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset).UtcDateTime.AddTicks(-1);
}
