using System.Diagnostics;
using System.Globalization;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HauGiang.Tracker.Benchmarks.Measuring.Writers;

/// <summary>
/// Issue 17, the last day of a period: many people write at once through the Core's own services (built with
/// AddTrackerCore, the clock moved to the open quarter's last day): unit staff save and submit their reports, two of
/// each unit on the same few items, and the office confirms or returns them, two reviewers on the same row; optionally
/// PostgreSQL is restarted under them. Prints throughput, latency and every refusal's words, then checks in SQL that
/// what was acknowledged is stored exactly once and nothing acknowledged was overwritten unseen; non-zero when a check fails.
/// </summary>
/// <remarks>
/// The actors are built directly, as ActorDirectory would read them: the services write the user's name (reports,
/// review events) and id (audit rows) as plain text with no foreign key to the accounts, so no account rows are needed.
/// </remarks>
internal static class WritersCommand
{
    private const int ItemsPerUnit = 6;

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var connectionString = args.Required("connection");
        var count = args.Number("writers", 50);
        var duration = TimeSpan.FromSeconds(args.Number("seconds", 60));
        var restartCommand = args.Optional("restart-command");
        var restartAfter = TimeSpan.FromSeconds(args.Number("restart-after", 20));
        if (count < 4)
        {
            throw new CommandLineException("--writers is at least 4: two staff of a unit and two reviewers");
        }

        var clock = new ShiftedClock();
        var collection = new ServiceCollection().AddLogging().AddTrackerCore(connectionString);
        collection.RemoveAll<TimeProvider>();
        collection.AddSingleton<TimeProvider>(clock);
        await using var services = collection.BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();

        var reviewers = Math.Max(2, count / 5);
        var (period, writers) = await PrepareAsync(factory, clock, count - reviewers, reviewers, ct);
        var units = writers.Where(w => !w.IsReviewer).Select(w => w.Actor.UnitIds.Single()).Distinct().Count();
        var marks = await WritersChecks.MarkAsync(connectionString, ct);
        Progress.Say($"writers: {count - reviewers} staff of {units} units and {reviewers} reviewers for {duration.TotalSeconds:N0} s on {period.Label}, the clock at {clock.GetUtcNow().ToOffset(VietnamClock.Offset):dd/MM/yyyy HH:mm} in Vietnam");

        var workload = new Workload(services.GetRequiredService<ProgressReportService>(), services.GetRequiredService<ReviewService>(),
            period.Id, period.Label, duration, GenerateCommandSeed);
        var run = workload.RunAsync(writers, ct);
        var restart = restartCommand is null ? Task.FromResult<Restart?>(null) : RestartAsync(restartCommand, restartAfter, workload, ct);
        var reporter = ReportProgressAsync(workload, run, ct);
        await run;
        var elapsed = workload.Elapsed;
        var restarted = await restart;
        await reporter;

        var ops = workload.Ops.OrderBy(o => o.Ack).ToList();
        Progress.Say($"writers: {ops.Count} operations in {elapsed.TotalSeconds:N1} s; checking the database");
        var checks = await WritersChecks.RunAsync(connectionString, marks, ops, ct);
        if (restarted is not null)
        {
            checks.Add(new Check("the restart command succeeded", restarted.ExitCode == 0, $"exit code {restarted.ExitCode}"));
            var after = ops.Count(o => o.Outcome == Outcome.Accepted && o.Started >= restarted.Returned);
            checks.Add(new Check("operations are accepted again after the restart", after > 0, $"{after} accepted after the command returned"));
        }

        Print(period, clock, count - reviewers, units, reviewers, duration, elapsed, ops, workload, restarted, checks);
        return checks.All(c => c.Passed) ? 0 : 1;
    }

    // The generator's seed: the same units, items and choices each run on the same data.
    private const int GenerateCommandSeed = Generation.GenerateCommand.Seed;

    /// <summary>The open quarter, the clock moved to its last day, and the writers: staff in pairs on the units with the most current items, then reviewers in pairs.</summary>
    private static async Task<(ReportingPeriod Period, List<Writer> Writers)> PrepareAsync(IDbContextFactory<TrackerDbContext> factory, ShiftedClock clock,
        int staff, int reviewers, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = VietnamClock.Today(TimeProvider.System);
        var programId = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        var period = await db.Periods.AsNoTracking()
            .Where(p => p.ProgramId == programId && p.Kind == PeriodKind.Quarter && p.State == PeriodState.Open && p.EndsOn >= today)
            .OrderBy(p => p.StartsOn).FirstOrDefaultAsync(ct)
            ?? throw new CommandLineException("no open quarter ends today or later: run on a database made by 'generate'");
        // 15:00 in Vietnam on the period's last day: the afternoon everyone reports before the period closes.
        clock.Shift = new DateTimeOffset(period.EndsOn.ToDateTime(new TimeOnly(15, 0)), VietnamClock.Offset) - TimeProvider.System.GetUtcNow();

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.EndsOn == null && a.OrgUnit!.ValidTo == null && a.WorkItem!.State == ItemState.Active && a.WorkItem.ProgramId == programId)
            .Select(a => new { a.WorkItemId, a.OrgUnitId, Code = a.OrgUnit!.Code }).ToListAsync(ct);
        // The generated program has few units with current work (ten at the grown scale): a unit gets several pairs, each
        // pair on six items of its own, so the two of a pair meet on the same reports and pairs rarely meet each other.
        var pairs = (staff + 1) / 2;
        var units = assignments.GroupBy(a => (a.OrgUnitId, a.Code))
            .Select(g => (g.Key.OrgUnitId, g.Key.Code, Items: g.Select(a => a.WorkItemId).Distinct().Order().ToList()))
            .Where(u => u.Items.Count >= 2).OrderByDescending(u => u.Items.Count).ThenBy(u => u.OrgUnitId).Take(pairs).ToList();
        if (units.Count == 0)
        {
            throw new CommandLineException("no unit has current items in the program: run on a database made by 'generate'");
        }
        var writers = new List<Writer>();
        for (var i = 0; i < staff; i++)
        {
            var pair = i / 2;
            var (unitId, code, items) = units[pair % units.Count];
            var random = new Random(GenerateCommandSeed + unitId);
            var shuffled = items.OrderBy(_ => random.Next()).ToList();
            var round = pair / units.Count;
            var chosen = shuffled.Skip(round * ItemsPerUnit % shuffled.Count).Concat(shuffled).Take(Math.Min(ItemsPerUnit, shuffled.Count)).ToList();
            var actor = new Actor($"bench-staff-{i:000}", string.Create(CultureInfo.InvariantCulture, $"canbo{i:000}.{code.ToLowerInvariant()}@haugiang.bench"),
                new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { unitId });
            writers.Add(new Writer(i, pair, actor, chosen));
        }
        for (var r = 0; r < reviewers; r++)
        {
            var index = staff + r;
            var actor = new Actor($"bench-office-{r:000}", string.Create(CultureInfo.InvariantCulture, $"vanphong{r:000}@haugiang.bench"),
                new HashSet<string> { Roles.MonitoringOffice }, new HashSet<int>());
            writers.Add(new Writer(index, r / 2, actor, []));
        }
        return (period, writers);
    }

    internal sealed record Restart(TimeSpan Asked, TimeSpan Returned, int ExitCode);

    /// <summary>Runs the restart command once, <paramref name="after"/> into the run; its output goes to stderr, beside the progress lines.</summary>
    private static async Task<Restart?> RestartAsync(string command, TimeSpan after, Workload workload, CancellationToken ct)
    {
        while (workload.Elapsed < after)
        {
            await Task.Delay(50, ct);
        }
        var asked = workload.Elapsed;
        Progress.Say($"writers: restarting PostgreSQL ({command})");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"({command}) 1>&2");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the restart command did not start");
        await process.WaitForExitAsync(ct);
        var returned = workload.Elapsed;
        Progress.Say($"writers: restart command returned {process.ExitCode} after {(returned - asked).TotalSeconds:N1} s");
        return new Restart(asked, returned, process.ExitCode);
    }

    private static async Task ReportProgressAsync(Workload workload, Task run, CancellationToken ct)
    {
        while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), ct)) != run)
        {
            var ops = workload.Ops.ToList();
            Progress.Say($"writers: {workload.Elapsed.TotalSeconds:N0} s, {ops.Count(o => o.Outcome == Outcome.Accepted)} accepted, {ops.Count(o => o.Outcome == Outcome.Refused)} refused, "
                + $"{ops.Count(o => o.Outcome == Outcome.Outage)} outage, {ops.Count(o => o.Outcome == Outcome.Unexpected)} unexpected");
        }
    }

    private static readonly (OpKind Kind, string Name)[] Kinds =
        [(OpKind.SaveDraft, "save draft (staff)"), (OpKind.Submit, "submit (staff)"), (OpKind.Confirm, "confirm (office)"), (OpKind.Return, "return (office)")];

    private static void Print(ReportingPeriod period, ShiftedClock clock, int staff, int units, int reviewers, TimeSpan duration, TimeSpan elapsed,
        List<Op> ops, Workload workload, Restart? restart, List<Check> checks)
    {
        static string Ms(double value) => Summary.Number(value, "N0");
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var accepted = ops.Where(o => o.Outcome == Outcome.Accepted).ToList();
        Console.WriteLine("## Writers on the last day of a period (issue 17)\n");
        Console.WriteLine($"Period {period.Label} ({period.StartsOn:dd/MM/yyyy}–{period.EndsOn:dd/MM/yyyy}); the services' clock moved to {clock.GetUtcNow().ToOffset(VietnamClock.Offset):dd/MM/yyyy} from 15:00 (Vietnam), ticking. "
            + $"{staff} unit staff (in pairs, each pair on the same {ItemsPerUnit} items of its unit; {units} units), {reviewers} office reviewers (in pairs, each pair on the same rows); {S(duration)} s asked, {S(elapsed)} s until the last writer finished.\n");
        Console.WriteLine("| operation | attempts | accepted | refused | outage message | unexpected | accepted median (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, name) in Kinds.Append((default(OpKind), "all")))
        {
            var rows = name == "all" ? ops : ops.Where(o => o.Kind == kind).ToList();
            var times = rows.Where(o => o.Outcome == Outcome.Accepted).Select(o => (o.Ended - o.Started).TotalMilliseconds).ToList();
            var s = times.Count > 0 ? Summary.Of(times) : null;
            Console.WriteLine($"| {name} | {rows.Count} | {times.Count} | {rows.Count(o => o.Outcome == Outcome.Refused)} | {rows.Count(o => o.Outcome == Outcome.Outage)} | "
                + $"{rows.Count(o => o.Outcome == Outcome.Unexpected)} | {(s is null ? "—" : Ms(s.Median))} | {(s is null ? "—" : Ms(s.P95))} | {(s is null ? "—" : Ms(s.Max))} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Throughput: {accepted.Count} accepted operations in {S(elapsed)} s = {Summary.Number(accepted.Count / elapsed.TotalSeconds, "N1")}/s "
            + $"({Summary.Number(ops.Count / elapsed.TotalSeconds, "N1")} attempts/s). Page loads besides: {workload.BlockedForms} forms opened on a report waiting for the office (no save offered), "
            + $"{workload.EmptyQueues} empty queues, {workload.FailedReads} loads that met the outage.\n");

        Console.WriteLine("| operation | answer | reason (as the person reads it) | count |");
        Console.WriteLine("|---|---|---|---:|");
        foreach (var group in ops.Where(o => o.Outcome != Outcome.Accepted).GroupBy(o => (o.Kind, o.Outcome, o.Reason)).OrderByDescending(g => g.Count()))
        {
            var name = Kinds.Single(k => k.Kind == group.Key.Kind).Name;
            Console.WriteLine($"| {name} | {group.Key.Outcome.ToString().ToLowerInvariant()} | {group.Key.Reason?.Replace("|", "\\|", StringComparison.Ordinal)} | {group.Count()} |");
        }
        Console.WriteLine();

        if (restart is not null)
        {
            var outage = ops.Where(o => o.Outcome == Outcome.Outage).ToList();
            var firstBack = accepted.Where(o => o.Started >= restart.Returned).OrderBy(o => o.Ended).FirstOrDefault();
            Console.WriteLine($"Restart: asked at {S(restart.Asked)} s, the command returned at {S(restart.Returned)} s (exit code {restart.ExitCode}). "
                + $"{outage.Count} operations got the outage message" + (outage.Count > 0 ? $" (answered between {S(outage.Min(o => o.Ended))} s and {S(outage.Max(o => o.Ended))} s)" : "")
                + $"; {workload.FailedReads} page loads met it. First accepted operation started after the command returned: "
                + (firstBack is null ? "none." : $"acknowledged at {S(firstBack.Ended)} s, {S(firstBack.Ended - restart.Asked)} s after the restart was asked, {S(firstBack.Ended - restart.Returned)} s after the command returned.")
                + (workload.OutageCauses.IsEmpty ? "" : " What the outage messages stood for: " + string.Join(", ", workload.OutageCauses.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}")) + "."));
            Console.WriteLine();
        }

        Console.WriteLine("| check | result | counts |");
        Console.WriteLine("|---|---|---|");
        foreach (var check in checks)
        {
            Console.WriteLine($"| {check.Name} | {(check.Passed ? "PASS" : "**FAIL**")} | {check.Counts} |");
        }
        foreach (var op in ops.Where(o => o.Outcome == Outcome.Unexpected).Take(10))
        {
            Console.WriteLine($"\nunexpected, writer {op.Writer} at {S(op.Started)} s: {op.Reason}");
        }
    }
}
