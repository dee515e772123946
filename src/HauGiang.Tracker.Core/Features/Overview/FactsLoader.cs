using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>
/// Reads <see cref="ProgramFacts"/> from the database in a fixed number of set-based queries, whatever the
/// number of items, reports or units: live for today, reconstructed for a past day (reports submitted and
/// confirmed by its end, deadlines and lead units in force then, items the program held then), or from the
/// snapshots frozen when a period closed.
/// </summary>
internal static class FactsLoader
{
    /// <summary>
    /// The facts, and what they were built from, so <see cref="RefreshAsync"/> can bring them up to date after a change
    /// to a few items' reports.
    /// </summary>
    /// <param name="newContext">A context on the database to read (the primary or its read-only copy), one per lane.</param>
    /// <param name="known">
    /// The fold of the reports of an earlier load of the same program and day (or of yesterday's today), when only the
    /// reports of its <see cref="KnownSummaries.Changed"/> items were written since: everything else is read again, those
    /// items' reports only. Not used for a closed period, nor when the current period is not the one it was folded with.
    /// </param>
    internal static async Task<(ProgramFacts Facts, FactsParts Parts)> LoadWithPartsAsync(
        Func<TrackerDbContext> newContext, ProgramRef program, DateOnly today, DateOnly asOf, PeriodRef? closed, CancellationToken ct,
        KnownSummaries? known = null)
    {
        var day = closed is null ? asOf : ClosedDay(closed);
        var basis = closed is not null ? FactsBasis.ClosedPeriod : day < today ? FactsBasis.PastDay : FactsBasis.Today;
        var cutoff = closed?.ClosedAt ?? ItemFactsQuery.EndOfDayUtc(day);

        // Three independent reads at once, each on a connection of its own: the item rows (the fold of the reports,
        // the longest), the units' activity (a scan of the reports), and the rest. A cold load took their sum;
        // it now takes about the longest, while the database works on one and this process folds another.
        var rowsLane = OnOwnContextAsync(newContext, async db =>
        {
            if (closed is not null)
            {
                return (closed, Rows: await FrozenRows.LoadAsync(db, program.Id, closed, day, cutoff, ct));
            }
            var current = await Periods(db, program.Id).Where(p => p.Kind == CurrentPeriodQuery.Cadence && p.StartsOn <= day && p.EndsOn >= day)
                .OrderBy(p => p.StartsOn).Select(AsRef).FirstOrDefaultAsync(ct);
            return (current, Rows: (IRowParts)await ItemStatusQuery.LoadTreePartsAsync(db, program.Id, day, current?.Id, null, ct, history: basis == FactsBasis.PastDay, newContext, known));
        });
        var activityLane = OnOwnContextAsync(newContext, db => ActivityAsync(db, program.Id, cutoff, null, ct));
        var restLane = OnOwnContextAsync(newContext, db => SurroundingsAsync(db, program.Id, day, cutoff, ct));
        await Task.WhenAll(rowsLane, activityLane, restLane);
        var (period, rows) = await rowsLane;
        var parts = new FactsParts(program, day, today, basis, period, cutoff, rows, await restLane, await activityLane);
        return (parts.Assemble(), parts);
    }

    /// <summary>
    /// The facts again after changes that concern only the reports of <paramref name="items"/> and the activity of
    /// <paramref name="units"/> (reports saved, submitted, reviewed or corrected, evidence added, explanations asked or
    /// answered): only those items' reports are read again, with the same day and cutoff, and only those units'
    /// activity, and the rest is taken from <paramref name="parts"/>. The store decides from the audit trail which
    /// changes qualify; anything else (a deadline, a lead unit, an item, a period, a snapshot, a unit) is loaded whole.
    /// </summary>
    internal static async Task<(ProgramFacts Facts, FactsParts Parts)> RefreshAsync(
        Func<TrackerDbContext> newContext, FactsParts parts, IReadOnlyCollection<int> items, IReadOnlyCollection<int> units, CancellationToken ct)
    {
        var programId = parts.Program.Id;
        var known = items.Where(parts.Rows.Nodes.ContainsKey).ToList();
        var rowsLane = known.Count == 0
            ? Task.FromResult(parts.Rows)
            : OnOwnContextAsync(newContext, db => parts.Rows.WithReportsOfAsync(db, programId, known, ct));
        var activityLane = units.Count == 0
            ? Task.FromResult<IReadOnlyList<UnitActivity>>([])
            : OnOwnContextAsync(newContext, db => ActivityAsync(db, programId, parts.Cutoff, units, ct));
        await Task.WhenAll(rowsLane, activityLane);
        var touched = units.ToHashSet();
        var refreshed = parts with { Rows = await rowsLane, Activity = [.. parts.Activity.Where(a => !touched.Contains(a.UnitId)), .. await activityLane] };
        return (refreshed.Assemble(), refreshed);
    }

    internal static ProgramFacts Assemble(
        ProgramRef program, DateOnly day, DateOnly today, FactsBasis basis, PeriodRef? period, ItemTree tree, Surroundings rest, IReadOnlyList<UnitActivity> activity)
    {
        DateOnly? silentSince = rest.Ended.Count == 2 ? rest.Ended.Min() : null;
        var placement = Placement.Of(tree);
        var items = tree.Rows.Select(r =>
        {
            var start = rest.Starts.GetValueOrDefault(r.Id);
            var risk = r.State == ItemState.Dropped ? null : RiskRule.Assess(new RiskFacts(r.Status, r.Progress, start, r.LastReportAt, silentSince, day));
            var place = placement[r.Id];
            return new FactItem(r, place.BreakthroughId, place.GroupId, start, [.. rest.Coordinators[r.Id].Distinct()], risk);
        }).ToList();
        return new ProgramFacts(program, day, today, basis, period, items, rest.Breakthroughs, rest.Groups, rest.Units, activity, rest.Indicators);
    }

    private static async Task<T> OnOwnContextAsync<T>(Func<TrackerDbContext> newContext, Func<TrackerDbContext, Task<T>> read)
    {
        await using var db = newContext();
        return await read(db);
    }

    /// <summary>What the rows are placed in and measured against: starts, coordinators, the ended periods, headings, units, indicators.</summary>
    internal sealed record Surroundings(
        Dictionary<int, DateOnly?> Starts, ILookup<int, int> Coordinators, List<DateOnly> Ended, IReadOnlyList<Heading> Breakthroughs,
        IReadOnlyList<Heading> Groups, IReadOnlyList<UnitFact> Units, IReadOnlyList<IndicatorFact> Indicators);

    private static async Task<Surroundings> SurroundingsAsync(TrackerDbContext db, int programId, DateOnly day, DateTime cutoff, CancellationToken ct)
    {
        var starts = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId)
            .Select(i => new { i.Id, Start = i.StartsOn ?? i.DeadlineRevisions.Min(r => (DateOnly?)r.EffectiveOn) })
            .ToDictionaryAsync(i => i.Id, i => i.Start, ct);
        // By the items' ids, as the lead units are read (an index probe per item, not a scan of every program's).
        var ids = starts.Keys.ToList();
        var coordinators = (await db.Assignments.AsNoTracking()
            .Where(a => ids.Contains(a.WorkItemId) && a.Role == AssignmentRole.Coordinating && a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day))
            .Select(a => new { a.WorkItemId, a.OrgUnitId }).ToListAsync(ct)).ToLookup(a => a.WorkItemId, a => a.OrgUnitId);
        var ended = await Periods(db, programId).Where(p => p.Kind == CurrentPeriodQuery.Cadence && p.EndsOn < day)
            .OrderByDescending(p => p.EndsOn).Take(2).Select(p => p.StartsOn).ToListAsync(ct);
        var breakthroughs = await db.Breakthroughs.AsNoTracking().Where(b => b.ProgramId == programId).OrderBy(b => b.Ordinal)
            .Select(b => new Heading(b.Id, b.Ordinal, "", b.Title)).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProgramId == programId).OrderBy(g => g.Ordinal)
            .Select(g => new Heading(g.Id, g.Ordinal, g.Heading, g.Title)).ToListAsync(ct);
        var units = await UnitsAsync(db, programId, ct);
        var indicators = await IndicatorsAsync(db, programId, day.Year, cutoff, ct);
        return new Surroundings(starts, coordinators, ended, breakthroughs, groups, units, indicators);
    }

    /// <summary>The day a closed period's figures were judged on: its last day, or the closing day when it closed early.</summary>
    public static DateOnly ClosedDay(PeriodRef period)
    {
        var closedOn = period.ClosedAt is { } at ? VietnamClock.DayOf(at) : period.EndsOn;
        return closedOn < period.EndsOn ? closedOn : period.EndsOn;
    }

    public static IQueryable<ReportingPeriod> Periods(TrackerDbContext db, int programId) =>
        db.Periods.AsNoTracking().Where(p => p.ProgramId == programId);

    public static readonly System.Linq.Expressions.Expression<Func<ReportingPeriod, PeriodRef>> AsRef =
        p => new PeriodRef(p.Id, p.Kind, p.Label, p.StartsOn, p.EndsOn, p.State, p.ClosedAt);

    /// <summary>
    /// The rows of a closed period exactly as frozen: status, percent and lead unit from its snapshots; only the names
    /// and codes are today's, and the last report submitted by the closing. Parents roll up from their children as they
    /// do live.
    /// </summary>
    private sealed record FrozenRows(
        IReadOnlyDictionary<int, ItemNode> Nodes, IReadOnlyDictionary<int, FrozenRow> Frozen, IReadOnlyDictionary<int, ItemFields> Fields,
        IReadOnlyDictionary<int, DateTime?> LastReports, DateTime Cutoff) : IRowParts
    {
        public static async Task<FrozenRows> LoadAsync(TrackerDbContext db, int programId, PeriodRef period, DateOnly day, DateTime cutoff, CancellationToken ct)
        {
            var nodes = await ItemStatusQuery.LoadNodesAsync(db, programId, ct);
            var items = db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId);
            var fields = await ItemStatusQuery.AsTheyStoodAsync(db, items, await ItemStatusQuery.LoadFieldsAsync(items, ct), day, ct);
            var snapshots = await Snapshots(db, s => s.PeriodId == period.Id).ToDictionaryAsync(s => s.WorkItemId, ct);
            return new FrozenRows(nodes, snapshots, fields, await LastReportsAsync(db, programId, cutoff, null, ct), cutoff);
        }

        public ItemTree Walk() =>
            ItemStatusQuery.Walk(Nodes, null, id => Standing(Frozen.GetValueOrDefault(id), Fields.GetValueOrDefault(id), LastReports.GetValueOrDefault(id)));

        public async Task<IRowParts> WithReportsOfAsync(TrackerDbContext db, int programId, IReadOnlyCollection<int> items, CancellationToken ct)
        {
            var fresh = await LastReportsAsync(db, programId, Cutoff, items, ct);
            return this with { LastReports = IRowParts.Replace(LastReports, fresh, items) };
        }

        private static async Task<Dictionary<int, DateTime?>> LastReportsAsync(
            TrackerDbContext db, int programId, DateTime cutoff, IReadOnlyCollection<int>? items, CancellationToken ct)
        {
            var reports = db.Reports.AsNoTracking().Where(r => r.WorkItem!.ProgramId == programId && !r.IsContribution && r.SubmittedAt <= cutoff);
            if (items is not null)
            {
                reports = reports.Where(r => items.Contains(r.WorkItemId));
            }
            return await reports.GroupBy(r => r.WorkItemId).Select(g => new { g.Key, At = g.Max(r => r.SubmittedAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        }
    }

    /// <summary>
    /// Progress and counts per closed reporting period of the cadence across the term, from the frozen snapshots
    /// (read in one query), the real items and the samples apart.
    /// </summary>
    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(TrackerDbContext db, int programId, CancellationToken ct)
    {
        var periods = await Periods(db, programId).Where(p => p.Kind == CurrentPeriodQuery.Cadence && p.State == PeriodState.Closed)
            .OrderBy(p => p.EndsOn).Select(AsRef).ToListAsync(ct);
        var nodes = await ItemStatusQuery.LoadNodesAsync(db, programId, ct);
        var items = db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId);
        var fields = await ItemStatusQuery.LoadFieldsAsync(items, ct);
        var history = await ItemHistory.LoadAsync(db, items, ct);
        var ids = periods.Select(p => p.Id).ToList();
        var snapshots = (await Snapshots(db, s => ids.Contains(s.PeriodId)).ToListAsync(ct)).ToLookup(s => s.PeriodId);
        return [.. periods.Select(p =>
        {
            var then = history.On(fields, ClosedDay(p));
            var frozen = snapshots[p.Id].ToDictionary(s => s.WorkItemId);
            var rows = ItemStatusQuery.Walk(nodes, null, id => Standing(frozen.GetValueOrDefault(id), then.GetValueOrDefault(id), null)).Rows;
            return new TrendPoint(p, Totals.Of(rows));
        })];
    }

    private sealed record FrozenRow(
        int PeriodId, int WorkItemId, int? LeadUnitId, string? LeadName, decimal Percent, ProgressAxis Axis, ProgressAxis? AgainstOriginal,
        bool NotStarted, bool Undated, bool Reported, DateOnly? DueDate, DateOnly? CompletedOn);

    private static IQueryable<FrozenRow> Snapshots(TrackerDbContext db, System.Linq.Expressions.Expression<Func<PeriodSnapshot, bool>> which) =>
        db.PeriodSnapshots.AsNoTracking().Where(which)
            .Select(s => new FrozenRow(s.PeriodId, s.WorkItemId, s.LeadUnitId, db.OrgUnits.Where(u => u.Id == s.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
                s.Percent, s.Axis, s.AgainstOriginal, s.NotStarted, s.Undated, s.Reported, s.DueDate, s.CompletedOn));

    private static OwnStanding? Standing(FrozenRow? s, ItemFields? f, DateTime? lastReportAt)
    {
        if (s is null || f is null)
        {
            return null;
        }
        var completed = s.Axis is ProgressAxis.DoneOnTime or ProgressAxis.DoneLate;
        var status = new ItemStatus(s.Axis, s.AgainstOriginal, s.NotStarted, !completed && !s.Reported, s.DueDate, s.CompletedOn, Undated: s.Undated);
        var lead = s.LeadUnitId is { } leadId ? new UnitRef(leadId, s.LeadName ?? "", null) : null;
        return new OwnStanding(f, lead, status, s.Percent, lastReportAt);
    }

    private static async Task<IReadOnlyList<UnitFact>> UnitsAsync(TrackerDbContext db, int programId, CancellationToken ct)
    {
        var involved = db.OrgUnits.AsNoTracking().Where(u => db.Assignments.Any(a => a.OrgUnitId == u.Id && a.WorkItem!.ProgramId == programId));
        var successors = (await db.UnitSuccessions.AsNoTracking().Where(s => involved.Any(u => u.Id == s.PredecessorId))
            .Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct)).ToLookup(s => s.PredecessorId, s => s.SuccessorId);
        return [.. (await involved.OrderBy(u => u.Name).Select(u => new { u.Id, u.Code, u.Name, u.IsSample, u.ValidFrom, u.ValidTo }).ToListAsync(ct))
            .Select(u => new UnitFact(u.Id, u.Code, u.Name, u.IsSample, u.ValidFrom, u.ValidTo, [.. successors[u.Id]]))];
    }

    private static async Task<IReadOnlyList<IndicatorFact>> IndicatorsAsync(TrackerDbContext db, int programId, int year, DateTime cutoff, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProgramId == programId).OrderBy(i => i.Code)
            .Select(i => new
            {
                i.Id,
                i.Code,
                i.Name,
                i.Measure,
                i.Direction,
                i.IsSample,
                Target = i.Targets.Where(t => t.Year == year).Select(t => new { t.Target, t.TargetText }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var latest = (await db.IndicatorValues.AsNoTracking()
            .Where(v => db.Indicators.Any(i => i.Id == v.IndicatorId && i.ProgramId == programId) && v.Period!.Year == year && v.RecordedAt <= cutoff)
            .Select(v => new { v.IndicatorId, v.Value, v.Period!.Label, v.Period.EndsOn, v.RecordedAt })
            .ToListAsync(ct))
            .GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EndsOn).ThenByDescending(v => v.RecordedAt).First());
        return [.. indicators.Select(i =>
        {
            var value = latest.GetValueOrDefault(i.Id);
            return new IndicatorFact(i.Id, i.Code, i.Name, i.Measure, i.Direction, i.IsSample, year, i.Target?.Target, i.Target?.TargetText, value?.Value, value?.Label);
        })];
    }

    /// <param name="units">Only these units (their rows are then read through the units' index); every unit when null.</param>
    private static async Task<IReadOnlyList<UnitActivity>> ActivityAsync(TrackerDbContext db, int programId, DateTime cutoff, IReadOnlyCollection<int>? units, CancellationToken ct)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.WorkItem!.ProgramId == programId);
        var explanations = db.ExplanationRequests.AsNoTracking().Where(e => e.WorkItem!.ProgramId == programId);
        if (units is not null)
        {
            reports = reports.Where(r => units.Contains(r.ReportingUnitId));
            explanations = explanations.Where(e => units.Contains(e.UnitId));
        }
        // One scan for both: the last submission and the returned reports per unit.
        var byUnit = await reports.GroupBy(r => r.ReportingUnitId)
            .Select(g => new
            {
                g.Key,
                At = g.Max(r => r.SubmittedAt <= cutoff ? r.SubmittedAt : null),
                Returned = g.Count(r => r.State == ReviewState.Returned && r.ReviewedAt <= cutoff),
            })
            .ToListAsync(ct);
        var last = byUnit.Where(u => u.At is not null).ToDictionary(u => u.Key, u => u.At);
        var returned = byUnit.Where(u => u.Returned > 0).ToDictionary(u => u.Key, u => u.Returned);
        var open = await explanations
            .Where(e => e.RequestedAt <= cutoff && (e.AnsweredAt == null || e.AnsweredAt > cutoff))
            .GroupBy(e => e.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. last.Keys.Union(returned.Keys).Union(open.Keys)
            .Select(u => new UnitActivity(u, last.GetValueOrDefault(u), returned.GetValueOrDefault(u), open.GetValueOrDefault(u)))];
    }
}

/// <summary>What a program's <see cref="ProgramFacts"/> were assembled from, kept beside them in the store.</summary>
internal sealed record FactsParts(
    ProgramRef Program, DateOnly Day, DateOnly Today, FactsBasis Basis, PeriodRef? Period, DateTime Cutoff, IRowParts Rows,
    FactsLoader.Surroundings Rest, IReadOnlyList<UnitActivity> Activity)
{
    public ProgramFacts Assemble() => FactsLoader.Assemble(Program, Day, Today, Basis, Period, Rows.Walk(), Rest, Activity);
}

/// <summary>Where an item is counted: its own breakthrough or group, else its parent's.</summary>
internal sealed record Placement(int? BreakthroughId, int? GroupId)
{
    // Rows come parents first, so a child without a place of its own finds its parent's already placed.
    public static Dictionary<int, Placement> Of(ItemTree tree)
    {
        var placement = new Dictionary<int, Placement>(tree.Rows.Count);
        foreach (var row in tree.Rows)
        {
            var node = tree.Nodes[row.Id];
            placement[row.Id] = node.BreakthroughId is null && node.GroupId is null
                ? row.ParentId is { } parent && placement.TryGetValue(parent, out var p) ? p : new Placement(null, null)
                : new Placement(node.BreakthroughId, node.GroupId);
        }
        return placement;
    }
}
