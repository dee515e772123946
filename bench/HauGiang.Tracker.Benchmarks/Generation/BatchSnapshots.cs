using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// The snapshots PeriodSnapshots.TakeAsync would take, computed in memory from a program's batch with the
/// same rules (StatusEvaluator, CompletionRule) and the same choices as its queries (ItemFactsQuery's facts
/// as of the closing). The province scale needs this: TakeAsync costs about a second per period there, and
/// it has 11,900 closed periods. <see cref="ProvinceScale"/> checks the result against TakeAsync on a sample.
/// </summary>
internal static class BatchSnapshots
{
    public static List<PeriodSnapshot> Take(Batch batch, IReadOnlyList<ReportingPeriod> periods)
    {
        var endsOn = periods.ToDictionary(p => p.Id, p => p.EndsOn);
        var live = batch.Reports.Where(r => !r.IsContribution && r.SupersededById == null && r.State != ReviewState.Draft).ToLookup(r => r.WorkItemId);
        var withEvidence = batch.Evidence.Select(e => e.ReportId).ToHashSet();
        var leads = batch.Assignments.Where(a => a.Role == AssignmentRole.Lead).ToLookup(a => a.WorkItemId);
        var snapshots = new List<PeriodSnapshot>();
        foreach (var period in periods.Where(p => p.State == PeriodState.Closed))
        {
            var takenAt = period.ClosedAt!.Value;
            var closedOn = VietnamClock.DayOf(takenAt);
            var day = closedOn < period.EndsOn ? closedOn : period.EndsOn;
            foreach (var item in batch.Items)
            {
                var reports = live[item.Id].Where(r => r.SubmittedAt <= takenAt && endsOn[r.PeriodId] <= day).ToList();
                var confirmed = reports.Where(r => r.State == ReviewState.Confirmed && r.ReviewedAt <= takenAt).ToList();
                var document = item as RequiredDocument;
                var done = confirmed.Where(r => r.Percent == CompletionRule.Complete && withEvidence.Contains(r.Id))
                    .Select(r => r.AchievedOn ?? VietnamClock.DayOf(r.SubmittedAt!.Value))
                    .Concat(document is { Stage: DocumentStage.Issued, IssuedOn: { } issued } && document.IssuanceConfirmedAt <= takenAt ? [issued] : [])
                    .Where(d => d <= day).Order().ToList();
                var started = reports.Any(r => r.Percent > 0) || document is { Stage: not DocumentStage.NotStarted } || done.Count > 0;
                var inPeriod = reports.Any(r => r.PeriodId == period.Id && r.State is ReviewState.Submitted or ReviewState.Confirmed);
                var latest = confirmed.OrderByDescending(r => endsOn[r.PeriodId]).ThenByDescending(r => r.ReviewedAt).FirstOrDefault()?.Percent;

                var history = item.DeadlineRevisions.Where(r => r.EffectiveOn <= day).OrderBy(r => r.Sequence).ToList();
                var status = StatusEvaluator.Evaluate(new StatusFacts(
                    history.LastOrDefault()?.Deadline ?? item.OriginalDeadline, history.FirstOrDefault()?.Deadline ?? item.OriginalDeadline, done, started, inPeriod, day));
                var lead = leads[item.Id].FirstOrDefault(a => a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day))?.OrgUnitId;
                var report = live[item.Id].Where(r => r.PeriodId == period.Id && r.SubmittedAt <= takenAt && r.State is ReviewState.Submitted or ReviewState.Confirmed && (lead is null || r.ReportingUnitId == lead))
                    .OrderByDescending(r => r.State == ReviewState.Confirmed).ThenByDescending(r => r.Id).FirstOrDefault();
                snapshots.Add(new PeriodSnapshot
                {
                    PeriodId = period.Id,
                    WorkItemId = item.Id,
                    LeadUnitId = lead,
                    ReportId = report?.Id,
                    ReportState = report?.State,
                    Percent = CompletionRule.OfficialPercent(status, latest),
                    Axis = status.Axis,
                    AgainstOriginal = status.AgainstOriginal,
                    NotStarted = status.NotStarted,
                    Undated = status.Undated,
                    Reported = report is not null,
                    DueDate = status.DueDate,
                    CompletedOn = status.CompletedOn,
                    TakenAt = takenAt,
                });
            }
        }
        return snapshots;
    }

    /// <summary>The fields a snapshot is judged by, for comparing two of them.</summary>
    public static string Key(PeriodSnapshot s) =>
        $"{s.PeriodId}/{s.WorkItemId}: lead {s.LeadUnitId} report {s.ReportId} {s.ReportState} {s.Percent:0.00}% {s.Axis} {s.AgainstOriginal} " +
        $"notStarted {s.NotStarted} undated {s.Undated} reported {s.Reported} due {s.DueDate} done {s.CompletedOn} at {s.TakenAt:O}";
}
