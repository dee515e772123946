using System.Diagnostics;
using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Roadmap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// A unit's staff submits one progress report through <see cref="ProgressReportService"/> as the report page does (open
/// the form, save and submit in one press), on a different item of the first sampled program each time; then the
/// leaders' overview is read through the long-lived store for that program (the store brings its facts up to date,
/// folding only that item's reports again; checked equal to a whole load at the end) and for
/// another sampled program (a write elsewhere leaves its cached facts in place: the change stamp is per program). Then
/// the monitoring office moves deadlines, a change of structure: the overview and the roadmap right after are loaded
/// whole, reusing the store's fold of the reports. Writes to the database: runs after every read measure.
/// </summary>
internal static class SubmitMeasure
{
    public static async Task PrintAsync(IServiceProvider root, ReadSideServices warm, IReadOnlyList<ReadModelCommand.Target> targets, int runs, CommandCounter counter, CancellationToken ct)
    {
        var reports = root.GetRequiredService<ProgressReportService>();
        var factory = root.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        // The first sampled program with current lead units on real items (the seeded program's items name none), and another.
        ReadModelCommand.Target? written = null;
        List<(int ItemId, int UnitId)> leads = [];
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            foreach (var target in targets)
            {
                leads = (await db.Assignments.AsNoTracking()
                    .Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && a.OrgUnit!.ValidTo == null && !a.OrgUnit.IsSample
                        && a.WorkItem!.ProgramId == target.Program.Id && a.WorkItem.State == ItemState.Active && !a.WorkItem.IsSample)
                    .OrderBy(a => a.WorkItemId).Select(a => new { a.WorkItemId, a.OrgUnitId }).ToListAsync(ct))
                    .Select(a => (a.WorkItemId, a.OrgUnitId)).ToList();
                if (leads.Count >= 2)
                {
                    written = target;
                    break;
                }
            }
        }
        var other = targets.FirstOrDefault(t => t != written);
        if (written is null || other is null)
        {
            Console.WriteLine("Submitting a report: not measured (no sampled program has two items with a current lead unit, or only one program was sampled).");
            return;
        }

        var refreshesBefore = warm.Store.Refreshes;
        var reusedBefore = warm.Store.FoldsReused;
        var open = new List<double>();
        var submit = new List<double>();
        var same = new List<double>();
        var sameClosed = new List<double>();
        var elsewhere = new List<double>();
        var sent = new SortedSet<int>();
        var skipped = 0;
        foreach (var (itemId, unitId) in leads)
        {
            if (submit.Count > runs)
            {
                break;
            }
            var actor = new Actor($"bench-submit-{unitId}", string.Create(CultureInfo.InvariantCulture, $"canbo.donvi{unitId}@haugiang.bench"),
                new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { unitId });
            // Both programs' facts are cached before the write, as they are while leaders keep the dashboard open.
            await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id), ItemFilter.Real, ct);
            await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id, PeriodId: written.Closed.Id), ItemFilter.Real, ct);
            await warm.Overview.OverviewAsync(new FactsRequest(other.Program.Id), ItemFilter.Real, ct);

            var watch = Stopwatch.StartNew();
            var form = await reports.OpenAsync(actor, itemId, null, ct);
            var opened = watch.Elapsed.TotalMilliseconds;
            // An item whose report for the open period waits for review (or is done) cannot take another: the next one.
            // A draft (the generated open period has some) is submitted over, as its unit would.
            if (form is null || form.Blocked is not null || form.Period.State != PeriodState.Open)
            {
                skipped++;
                continue;
            }
            var input = new ReportInput(itemId, form.Period.Id, 40, "Đã triển khai các nội dung trọng tâm của kỳ; đang tổng hợp kết quả (đo hiệu năng).",
                null, null, "Tiếp tục phối hợp các đơn vị liên quan, hoàn thành trong kỳ sau.", null);
            var before = counter.Count;
            watch.Restart();
            var (result, _) = await reports.SaveAsync(actor, input, form.Report?.Version, form.Report?.Input, submit: true, ct);
            var submitted = watch.Elapsed.TotalMilliseconds;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"submitting a report on item {itemId} was refused: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
            }
            var commands = counter.Count - before;

            watch.Restart();
            await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id), ItemFilter.Real, ct);
            var sameMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id, PeriodId: written.Closed.Id), ItemFilter.Real, ct);
            var sameClosedMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await warm.Overview.OverviewAsync(new FactsRequest(other.Program.Id), ItemFilter.Real, ct);
            var elsewhereMs = watch.Elapsed.TotalMilliseconds;
            // The first round warms the code paths up and is not counted.
            if (submit.Count > 0)
            {
                sent.Add(commands);
            }
            open.Add(opened);
            submit.Add(submitted);
            same.Add(sameMs);
            sameClosed.Add(sameClosedMs);
            elsewhere.Add(elsewhereMs);
        }
        if (submit.Count < 2)
        {
            Console.WriteLine($"Submitting a report: not measured (fewer than two items of {written.Program.Code} could take a new report; {skipped} skipped).");
        }
        else
        {
            PrintSubmissions();
        }

        void PrintSubmissions()
        {
            static string Row(string name, List<double> values)
            {
                var s = Summary.Of(values.Skip(1).ToList());
                return $"| {name} | {Summary.Number(s.Median, "N1")} | {Summary.Number(s.P95, "N1")} | {Summary.Number(s.Max, "N1")} |";
            }
            Console.WriteLine($"Submitting one progress report through ProgressReportService ({submit.Count - 1} reports after one warm-up, each on another item of " +
                              $"{written.Program.Code}, as the staff of its lead unit; {skipped} items skipped because their report for the open period waited for review or was confirmed), " +
                              $"{(sent.Min == sent.Max ? $"{sent.Min}" : $"{sent.Min}–{sent.Max}")} SQL commands per submission; then the overview through the long-lived store:");
            Console.WriteLine();
            Console.WriteLine("| step | median (ms) | p95 (ms) | max (ms) |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Row("open the report form", open));
            Console.WriteLine(Row("save and submit", submit));
            Console.WriteLine(Row($"overview of {written.Program.Code} right after (its facts brought up to date: the item's reports folded again)", same));
            Console.WriteLine(Row($"as-of view of {written.Program.Code}'s {written.Closed.Label} right after (brought up to date the same way)", sameClosed));
            Console.WriteLine(Row($"overview of {other.Program.Code} right after (another program: still cached)", elsewhere));
        }

        var refreshes = warm.Store.Refreshes - refreshesBefore;
        Console.WriteLine();
        await PrintDeadlineAdjustmentsAsync(root, warm, written, leads, runs, ct);

        // What the long-lived store brought up to date must be what a whole load gives now.
        using var fresh = new ProgramFactsStore(factory, root.GetRequiredService<TimeProvider>());
        var equal = true;
        foreach (var view in new[] { new FactsRequest(written.Program.Id), new FactsRequest(written.Program.Id, PeriodId: written.Closed.Id) })
        {
            equal &= Fingerprints.Same((await warm.Store.GetAsync(view, ct))!, (await fresh.GetAsync(view, ct))!);
        }
        Console.WriteLine();
        Console.WriteLine($"The long-lived store brought {written.Program.Code}'s facts (today's and {written.Closed.Label}'s) up to date {refreshes} times " +
                          $"instead of loading them whole, and reused its fold of the reports in {warm.Store.FoldsReused - reusedBefore} whole loads; " +
                          $"they equal a whole load afterwards: {(equal ? "yes" : "NO")}.");
        if (!equal)
        {
            throw new InvalidOperationException($"the facts of {written.Program.Code} brought up to date differ from a whole load");
        }
    }

    private static readonly string[] Quarters = ["I", "II", "III", "IV"];

    /// <summary>
    /// The monitoring office moves a deadline (<see cref="DeadlineAdjustmentService"/>, as the item page does), a change of
    /// structure, and the overview or the roadmap is read right after through the long-lived store: loaded whole, but with
    /// its fold of the reports reused. Then the same in a new process, starting from the folds the notifier keeps.
    /// </summary>
    private static async Task PrintDeadlineAdjustmentsAsync(
        IServiceProvider root, ReadSideServices warm, ReadModelCommand.Target written, List<(int ItemId, int UnitId)> leads, int runs, CancellationToken ct)
    {
        var adjust = root.GetRequiredService<DeadlineAdjustmentService>();
        var factory = root.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var clock = root.GetRequiredService<TimeProvider>();
        var office = new Actor("bench-office", "vanphong@haugiang.bench", new HashSet<string> { Roles.MonitoringOffice }, new HashSet<int>());
        var today = VietnamClock.Today(clock);
        var year = Math.Min(today.Year + 1, written.Program.TermEndYear);
        // The first half of the rounds reads the overview right after the move, the second half the roadmap (whose
        // deadlines and milestones are read again too: the structure changed), each the first read after the move.
        var after = new List<double>();
        var roadmapAfter = new List<double>();
        for (var round = 0; round <= 2 * runs + 1 && round < leads.Count; round++)
        {
            await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id), ItemFilter.Real, ct);
            await warm.Roadmap.GetAsync(new RoadmapRequest(new FactsRequest(written.Program.Id), ItemFilter.Real), ct);
            await MoveDeadlineAsync(round);
            var watch = Stopwatch.StartNew();
            if (round > runs)
            {
                await warm.Roadmap.GetAsync(new RoadmapRequest(new FactsRequest(written.Program.Id), ItemFilter.Real), ct);
                roadmapAfter.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                await warm.Overview.OverviewAsync(new FactsRequest(written.Program.Id), ItemFilter.Real, ct);
                after.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        if (after.Count < 2 || roadmapAfter.Count < 2)
        {
            Console.WriteLine($"Moving a deadline: not measured ({written.Program.Code} has too few items with a lead unit).");
            return;
        }
        Console.WriteLine("The monitoring office moves a deadline through DeadlineAdjustmentService (a change of structure, one item each time); " +
                          "then the first read through the long-lived store:");
        Console.WriteLine();
        Console.WriteLine("| step | median (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Print($"overview of {written.Program.Code} right after", after);
        Print($"roadmap data of {written.Program.Code} right after", roadmapAfter);

        // A new process (a restart, another instance) after the notifier kept the programs' folds: each visit on a fresh
        // store, with a deadline moved just before (so the kept fold is one or more changes behind).
        await warm.Store.KeepFoldsAsync(ct);
        var restarted = new List<double>();
        for (var round = 2 * runs + 2; round <= 3 * runs + 2 && round < leads.Count; round++)
        {
            await MoveDeadlineAsync(round);
            using var fresh = new ReadSideServices(root, new ProgramFactsStore(factory, clock));
            var watch = Stopwatch.StartNew();
            await fresh.Overview.OverviewAsync(new FactsRequest(written.Program.Id), ItemFilter.Real, ct);
            restarted.Add(watch.Elapsed.TotalMilliseconds);
        }
        await ReadModelCommand.ForgetKeptFoldsAsync(factory, ct);
        if (restarted.Count >= 2)
        {
            Print($"overview of {written.Program.Code} in a new process, the notifier having kept the folds before the move", restarted);
        }

        // One item's deadline moved to a quarter of next year (or of the term's last), another quarter when it already
        // has that one.
        async Task MoveDeadlineAsync(int round)
        {
            var itemId = leads[round].ItemId;
            uint version;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                version = await db.WorkItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(ct);
            }
            var input = new DeadlineAdjustmentInput($"Quý {Quarters[round % 4]}/{year}", $"Công văn số {round + 1}-CV/ĐO", today, "Đo hiệu năng");
            var result = await adjust.AdjustAsync(office, itemId, version, input, ct);
            if (!result.Succeeded)
            {
                result = await adjust.AdjustAsync(office, itemId, version, input with { NewDeadline = $"Quý {Quarters[(round + 1) % 4]}/{year}" }, ct);
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"moving the deadline of item {itemId} was refused: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
            }
        }

        void Print(string what, List<double> values)
        {
            var s = Summary.Of(values.Skip(1).ToList());
            Console.WriteLine($"| {what} ({values.Count - 1} items; loaded whole, the fold of the reports reused) | " +
                              $"{Summary.Number(s.Median, "N1")} | {Summary.Number(s.P95, "N1")} | {Summary.Number(s.Max, "N1")} |");
        }
    }
}
