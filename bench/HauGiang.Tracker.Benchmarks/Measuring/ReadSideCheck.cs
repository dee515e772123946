using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Core.Features.Search;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Before anything is timed: each page's numbers through the services equal the hand-written SQL's, program by
/// program, so the ratio compares the same work. Prints a Markdown table; says where they differ and how.
/// </summary>
internal static class ReadSideCheck
{
    public static async Task<bool> PrintAsync(ReadSideServices services, ReadSideSql sql, OverviewCountsSql counts, IReadOnlyList<ReadModelCommand.Target> targets, string searchWord, CancellationToken ct)
    {
        var (overview, roadmap, search) = (services.Overview, services.Roadmap, services.Search);
        var allEqual = true;
        string Verdict(bool same, string detail)
        {
            allEqual &= same;
            return same ? "yes" : $"NO: {detail}";
        }

        Console.WriteLine("Each page's numbers through the services against the hand-written SQL:");
        Console.WriteLine();
        Console.WriteLine("| program | items | overview counts | units' table (led, on time, late, overdue per unit) | overdue drill-down (ids) | closed period counts | roadmap rows (item, breakthrough, end) |");
        Console.WriteLine("|---|---:|---|---|---|---|---|");
        foreach (var t in targets)
        {
            var today = new FactsRequest(t.Program.Id);
            var o = (await overview.OverviewAsync(today, ItemFilter.Real, ct))!;
            var c = o.Figures.Counts;
            var served = new OverviewCountsSql.Counts(c.Total, c.DoneOnTime, c.DoneLate, c.OpenWithinDeadline, c.Overdue, c.Undated);
            var expected = await counts.CountAsync(t.Program.Id, t.Today, ct);
            var overviewSame = Verdict(served == expected, $"{served} vs {expected}");

            var (_, rows) = (await overview.UnitsAsync(today, ItemFilter.Real, ct))!.Value;
            var byUnit = rows.SelectMany(r => r.Former.Prepend(r)).Where(r => r.Led > 0)
                .ToDictionary(r => r.Unit.Id, r => new ReadSideSql.UnitCounts(r.Led, r.DoneOnTime, r.DoneLate, r.Overdue));
            var unitsSql = await sql.UnitsAsync(t.Program.Id, t.Today, ct);
            var unitsDiffer = byUnit.Keys.Union(unitsSql.Keys).Where(u => byUnit.GetValueOrDefault(u) != unitsSql.GetValueOrDefault(u)).ToList();
            var unitsSame = Verdict(unitsDiffer.Count == 0, $"{unitsDiffer.Count} units differ, e.g. unit {unitsDiffer.FirstOrDefault()}: " +
                $"{byUnit.GetValueOrDefault(unitsDiffer.FirstOrDefault())} vs {unitsSql.GetValueOrDefault(unitsDiffer.FirstOrDefault())}");

            var list = (await overview.ListAsync(today, ItemFilter.Real with { Bucket = StatusBucket.Overdue }, 0, 500, ct))!;
            var overdueSql = await sql.OverdueAsync(t.Program.Id, t.Today, ct);
            var listSame = Verdict(list.Total == overdueSql.Count && (list.Total > 500 || list.Items.Select(i => i.Id).ToHashSet().SetEquals(overdueSql)),
                $"{list.Total} vs {overdueSql.Count}");

            var closed = (await overview.OverviewAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), ItemFilter.Real, ct))!.Figures.Counts;
            var closedServed = new OverviewCountsSql.Counts(closed.Total, closed.DoneOnTime, closed.DoneLate, closed.OpenWithinDeadline, closed.Overdue, closed.Undated);
            var closedSql = await sql.ClosedAsync(t.Closed.Id, ct);
            var closedSame = Verdict(closedServed == closedSql, $"{closedServed} vs {closedSql}");

            var map = (await roadmap.GetAsync(new RoadmapRequest(today, ItemFilter.Real), ct))!;
            var drawn = map.Rows.Where(r => !r.IsMilestone).ToDictionary(r => r.Item.Id, r => (r.Item.BreakthroughId, RoadmapGeometry.PlannedEnd(r.Item)));
            var roadmapSql = await sql.RoadmapAsync(t.Program.Id, t.Today, ct);
            var roadmapDiffer = drawn.Keys.Union(roadmapSql.Keys).Where(i => !drawn.TryGetValue(i, out var a) || !roadmapSql.TryGetValue(i, out var b) || a != b).ToList();
            var roadmapSame = Verdict(roadmapDiffer.Count == 0, $"{roadmapDiffer.Count} of {drawn.Count} rows differ, e.g. item {roadmapDiffer.FirstOrDefault()}: " +
                $"{drawn.GetValueOrDefault(roadmapDiffer.FirstOrDefault())} vs {roadmapSql.GetValueOrDefault(roadmapDiffer.FirstOrDefault())}");

            Console.WriteLine($"| {t.Program.Code} | {o.Facts.Items.Count} | {overviewSame} | {unitsSame} ({byUnit.Count} units) | {listSame} ({list.Total}) | {closedSame} | {roadmapSame} ({drawn.Count}) |");
        }

        var found = await search.SearchAsync(searchWord, 8, ct);
        int Total(SearchKind kind) => found.Groups.FirstOrDefault(g => g.Kind == kind)?.Total ?? 0;
        var searchSql = await sql.SearchAsync(searchWord, 8, ct);
        var topTasks = found.Groups.FirstOrDefault(g => g.Kind == SearchKind.Task)?.Hits.Select(h => h.Id).ToList() ?? [];
        var searchServed = (Total(SearchKind.Task), Total(SearchKind.Document), Total(SearchKind.Unit));
        var searchSame = Verdict(searchServed == (searchSql.Tasks, searchSql.Documents, searchSql.Units) && topTasks.SequenceEqual(searchSql.TopTasks),
            $"{searchServed} vs ({searchSql.Tasks}, {searchSql.Documents}, {searchSql.Units}); best tasks {string.Join(",", topTasks)} vs {string.Join(",", searchSql.TopTasks)}");
        Console.WriteLine();
        Console.WriteLine($"Search “{searchWord}”: {searchServed.Item1} tasks, {searchServed.Item2} documents, {searchServed.Item3} units, the best 8 tasks in order: {searchSame}.");
        return allEqual;
    }
}
