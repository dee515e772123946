using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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
        IReadOnlyCollection<int>? itemIds = null) =>
        (await LoadWithSummariesAsync(db, programId, asOf, currentPeriodId, ct, recordedBy, periodsUpTo, itemIds)).Facts;

    /// <summary>
    /// <see cref="LoadAsync"/>, with the per-item fold of the reports it was built from, which the read model keeps so a
    /// later load of the whole program can reuse it (<paramref name="known"/>) instead of reading every report again.
    /// </summary>
    /// <param name="known">
    /// An earlier fold of the same program with the same current period and a cutoff before which nothing but the reports
    /// of <see cref="KnownSummaries.Changed"/> was written: only those items are folded again. Ignored for a subset of the
    /// items, a snapshot's periods or another current period.
    /// </param>
    internal static async Task<(IReadOnlyDictionary<int, ItemFacts> Facts, IReadOnlyDictionary<int, ReportSummary> Summaries)> LoadWithSummariesAsync(
        TrackerDbContext db, int programId, DateOnly asOf, int? currentPeriodId, CancellationToken ct, DateTime? recordedBy = null, DateOnly? periodsUpTo = null,
        IReadOnlyCollection<int>? itemIds = null, KnownSummaries? known = null)
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

        // Folded in the database, one row per item: the per-item figures and the latest confirmed percent (by the
        // period's end, then the review). Materialising every report here took ~30 ms a program at scale L (~19,000
        // rows) after a ~14 ms scan; before that, three scans in SQL, and before that a subquery per item.
        List<ReportSummary> summaries;
        if (known is not null && itemIds is null && periodsUpTo is null && known.CurrentPeriodId == currentPeriodId)
        {
            var changed = known.Changed.ToHashSet();
            summaries = [.. known.ByItem.Values.Where(s => !changed.Contains(s.ItemId)),
                         .. changed.Count == 0 ? [] : await SummariesAsync(db, programId, cutoff, currentPeriodId, null, changed, ct)];
        }
        else
        {
            summaries = await SummariesAsync(db, programId, cutoff, currentPeriodId, periodsUpTo, itemIds, ct);
        }
        var latest = summaries.Where(s => s.Latest is not null).ToDictionary(s => s.ItemId, s => s.Latest!.Value);

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
        return (ids.ToDictionary(id => id, id =>
        {
            bySummary.TryGetValue(id, out var s);
            return new ItemFacts(
                [.. done[id].Order()],
                HasStarted: (s?.MaxPercent ?? 0) > 0 || startedDocuments.Contains(id) || done[id].Any(),
                ReportedThisPeriod: s?.InCurrent > 0,
                LatestConfirmedPercent: latest.TryGetValue(id, out var p) ? p : null,
                LastReportAt: s?.LastAt);
        }), bySummary);
    }

    private const string SummariesSql = $"""
        SELECT r.work_item_id AS item_id,
               max(r.percent) AS max_percent,
               count(*) FILTER (WHERE r.period_id = @current AND r.state IN ('{nameof(ReviewState.Submitted)}', '{nameof(ReviewState.Confirmed)}')) AS in_current,
               max(r.submitted_at) AS last_at,
               (array_agg(r.percent ORDER BY p.ends_on DESC, r.reviewed_at DESC, r.id DESC)
                    FILTER (WHERE r.state = '{nameof(ReviewState.Confirmed)}' AND r.reviewed_at <= @cutoff))[1] AS latest
          FROM progress_reports r
          JOIN work_items w ON w.id = r.work_item_id
          JOIN reporting_periods p ON p.id = r.period_id
         WHERE w.program_id = @program AND NOT r.is_contribution AND r.state <> '{nameof(ReviewState.Draft)}' AND r.submitted_at <= @cutoff
           AND (r.superseded_by_id IS NULL OR EXISTS (SELECT 1 FROM progress_reports c WHERE c.id = r.superseded_by_id AND c.reviewed_at > @cutoff))
           AND (@periods_up_to::date IS NULL OR p.ends_on <= @periods_up_to)
           AND (@items::integer[] IS NULL OR r.work_item_id = ANY (@items))
         GROUP BY r.work_item_id
        """;

    /// <summary>
    /// What <see cref="LoadAsync"/> reads of the live reports, item by item: the same reports as its filter <c>live</c>
    /// (official, submitted by the cutoff, not replaced by a correction confirmed by then), in one grouped query.
    /// </summary>
    private static Task<List<ReportSummary>> SummariesAsync(
        TrackerDbContext db, int programId, DateTime cutoff, int? currentPeriodId, DateOnly? periodsUpTo, IReadOnlyCollection<int>? itemIds, CancellationToken ct) =>
        // The optional filters are folded away when null: an unnamed statement is planned with its parameters' values.
        db.Database.SqlQueryRaw<ReportSummary>(
            SummariesSql,
            new NpgsqlParameter("program", NpgsqlDbType.Integer) { Value = programId },
            new NpgsqlParameter("cutoff", NpgsqlDbType.TimestampTz) { Value = cutoff },
            new NpgsqlParameter("current", NpgsqlDbType.Integer) { Value = (object?)currentPeriodId ?? DBNull.Value },
            new NpgsqlParameter("periods_up_to", NpgsqlDbType.Date) { Value = (object?)periodsUpTo ?? DBNull.Value },
            new NpgsqlParameter("items", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = (object?)itemIds?.ToArray() ?? DBNull.Value })
            .ToListAsync(ct);

    /// <summary>The last instant of a Vietnamese calendar day, in UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset).UtcDateTime.AddTicks(-1);
}

/// <summary>One item's reports folded as of a cutoff (<c>SummariesSql</c>): what its <see cref="ItemFacts"/> take from them.</summary>
internal sealed record ReportSummary(int ItemId, int MaxPercent, long InCurrent, DateTime? LastAt, int? Latest);

/// <summary>
/// An earlier fold of a program's reports that a new load may reuse (<see cref="ItemFactsQuery.LoadWithSummariesAsync"/>):
/// folded with <paramref name="CurrentPeriodId"/> as the current period, and still true but for the items in
/// <paramref name="Changed"/>, whose reports were written since.
/// </summary>
internal sealed record KnownSummaries(int? CurrentPeriodId, IReadOnlyDictionary<int, ReportSummary> ByItem, IReadOnlyCollection<int> Changed);
