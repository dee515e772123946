using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>
/// PostgreSQL stopped (<c>pg_ctl stop -m fast</c>) and started again while 20 people of different units save and
/// submit reports, on a cluster of the test's own. What the app acknowledged is stored exactly once, with its audit
/// row; what it refused said so in Vietnamese; and it recovers by itself.
/// </summary>
public sealed class ReportsDuringDatabaseRestartTests : IAsyncLifetime
{
    private const int Writers = 20;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private bool _stopped;
    private readonly ConcurrentDictionary<string, int> _causes = new(StringComparer.Ordinal);

    private enum Outcome { Saved, Outage, ConflictAfterOutage, Other, ReadFailed }

    private sealed record Op(int Writer, int Number, string Token, bool Submit, TimeSpan Started, TimeSpan Ended, Outcome Outcome, string? Message);

    private sealed record Slot(int ItemId, int PeriodId, int UnitId, string UnitCode);

    public async ValueTask InitializeAsync()
    {
        _database = await DatabaseTemplates.CreateSeededOnAsync(FaultPostgres.AdminConnectionString, $"faults_{Guid.NewGuid():N}"[..20]);
        _services = TestServices.Build(_database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            await FaultPostgres.StartAsync(CancellationToken.None);
        }
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Saves_during_a_restart_are_refused_with_a_message_the_acknowledged_ones_are_stored_once_and_the_app_recovers()
    {
        var slots = await FreeSlotsAsync();
        var actors = new List<Actor>();
        foreach (var (slot, i) in slots.Select((s, i) => (s, i)))
        {
            var user = await TestUsers.CreateAsync(_services, $"viet{i}@thu.local", Roles.UnitStaff, slot.UnitCode);
            actors.Add(await TestUsers.ActorAsync(_services, user));
        }
        var ops = new ConcurrentBag<Op>();
        var escaped = new ConcurrentBag<Exception>();
        var clock = Stopwatch.StartNew();
        TimeSpan? backAt = null;

        var writers = slots.Select((slot, w) => Task.Run(() => WriteAsync(w, slot, actors[w], clock, () => backAt, ops, escaped))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var stopping = clock.Elapsed;
        _stopped = true;
        await FaultPostgres.StopAsync(Ct);
        var down = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var starting = clock.Elapsed;
        await FaultPostgres.StartAsync(Ct);
        _stopped = false;
        backAt = clock.Elapsed;
        await Task.WhenAll(writers);

        var all = ops.OrderBy(o => o.Started).ToList();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(Measurements(all, stopping, down, starting, backAt.Value));
        output?.WriteLine("what the outage messages stood for: " + string.Join(", ", _causes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}")));
        Assert.Empty(escaped);
        Assert.Empty(all.Where(o => o.Outcome == Outcome.Other).Select(o => $"{o.Writer}/{o.Number}: {o.Message}"));
        // Saves in flight when the server stopped, and saves pressed while it was down.
        Assert.Contains(all, o => o.Outcome == Outcome.Outage && o.Ended >= stopping && o.Ended <= backAt);
        await AssertStoredOnceAsync(slots, all, output);

        // A second restart with nobody working meanwhile: what the pool's idle connections cost the first readers after it.
        await FaultPostgres.StopAsync(Ct);
        await FaultPostgres.StartAsync(Ct);
        var reports = _services.GetRequiredService<ProgressReportService>();
        for (var round = 1; round <= 2; round++)
        {
            var failed = await Task.WhenAll(slots.Select(async (slot, w) =>
            {
                try
                {
                    await reports.OpenAsync(actors[w], slot.ItemId, slot.PeriodId, Ct);
                    return 0;
                }
                catch (Exception ex) when (DatabaseOutage.Is(ex))
                {
                    return 1;
                }
            }));
            output?.WriteLine($"after an idle restart, round {round}: {failed.Sum()} of {Writers} page loads met a dead pooled connection");
            Assert.True(round == 1 || failed.Sum() == 0, "the pool still held dead connections after each had been used once");
        }
    }

    /// <summary>
    /// One person on the report page: saves the draft again and again (the page reads the report back after each save),
    /// presses again after the outage message, and submits once the app has saved for them after the restart.
    /// </summary>
    private async Task WriteAsync(int w, Slot slot, Actor actor, Stopwatch clock, Func<TimeSpan?> backAt, ConcurrentBag<Op> ops, ConcurrentBag<Exception> escaped)
    {
        var reports = _services.GetRequiredService<ProgressReportService>();
        ReportView? current = null;
        var reload = false;
        var savedAfterRestart = false;
        var previous = Outcome.Saved;
        for (var k = 1; clock.Elapsed < Limit; k++)
        {
            try
            {
                if (reload)
                {
                    current = (await reports.OpenAsync(actor, slot.ItemId, slot.PeriodId, Ct))!.Report;
                    reload = false;
                }
                var submit = savedAfterRestart;
                var token = $"W{w:00}-K{k:0000}";
                var input = new ReportInput(slot.ItemId, slot.PeriodId, k % 100, $"Kết quả lần {token}.", null, null, "Tiếp tục triển khai.", null);
                var started = clock.Elapsed;
                var result = await DatabaseOutage.RunAsync(async () => (await reports.SaveAsync(actor, input, current?.Version, current?.Input, submit, Ct)).Result,
                    ex => _causes.AddOrUpdate(Cause(ex), 1, (_, n) => n + 1));
                var message = result.For(OperationResult.FormKey);
                var outcome = result.Succeeded ? Outcome.Saved
                    : message == DatabaseOutage.Message ? Outcome.Outage
                    // The save refused with the outage message had reached the server after all: the page then says someone saved first.
                    : previous == Outcome.Outage && message?.StartsWith("Người khác", StringComparison.Ordinal) == true ? Outcome.ConflictAfterOutage
                    : Outcome.Other;
                ops.Add(new Op(w, k, token, submit, started, clock.Elapsed, outcome, result.Succeeded ? null : string.Join(" ", result.Errors.Values)));
                previous = outcome;
                if (outcome == Outcome.Saved && submit)
                {
                    return;
                }
                reload = outcome is Outcome.Saved or Outcome.ConflictAfterOutage;
                savedAfterRestart |= outcome == Outcome.Saved && started >= backAt();
                await Task.Delay(outcome == Outcome.Outage ? 200 : 25, Ct);
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                // Reading the report back failed: the page would show its error notice, and the person loads it again.
                ops.Add(new Op(w, k, "", false, clock.Elapsed, clock.Elapsed, Outcome.ReadFailed, ex.GetType().Name));
                await Task.Delay(200, Ct);
            }
            catch (Exception ex)
            {
                escaped.Add(ex);
                return;
            }
        }
        escaped.Add(new TimeoutException($"Writer {w} had no submission acknowledged within {Limit.TotalSeconds} s."));
    }

    /// <summary>(item, period, unit) places where nobody has reported yet, each reported on by one writer.</summary>
    private async Task<List<Slot>> FreeSlotsAsync()
    {
        await using var db = _database.NewContext();
        var today = new DateOnly(2026, 11, 27);
        var periods = await db.Periods.Where(p => p.State == PeriodState.Open && p.StartsOn <= today).Select(p => p.Id).ToListAsync(Ct);
        var candidates = await (
            from a in db.Assignments
            where a.EndsOn == null && a.OrgUnit!.ValidTo == null && a.WorkItem!.State == ItemState.Active
            from p in db.Periods
            where periods.Contains(p.Id) && p.ProgramId == a.WorkItem!.ProgramId
                && !db.Reports.Any(r => r.WorkItemId == a.WorkItemId && r.PeriodId == p.Id && r.ReportingUnitId == a.OrgUnitId)
            orderby a.WorkItemId, p.Id
            select new Slot(a.WorkItemId, p.Id, a.OrgUnitId, a.OrgUnit!.Code)).ToListAsync(Ct);
        Assert.True(candidates.Count >= Writers, $"only {candidates.Count} free places to report on");
        // Spread over items first, so the writers do not all wait on the same rows.
        return [.. candidates.GroupBy(c => c.ItemId).SelectMany(g => g.Select((c, i) => (c, i))).OrderBy(x => x.i).ThenBy(x => x.c.ItemId).Select(x => x.c).Take(Writers)];
    }

    private async Task AssertStoredOnceAsync(List<Slot> slots, List<Op> ops, ITestOutputHelper? output)
    {
        await using var db = _database.NewContext();
        var unknownButStored = 0;
        foreach (var (slot, w) in slots.Select((s, w) => (s, w)))
        {
            var mine = ops.Where(o => o.Writer == w && o.Outcome is not (Outcome.ReadFailed or Outcome.ConflictAfterOutage)).ToList();
            var rows = await db.Reports.AsNoTracking().Where(r => r.WorkItemId == slot.ItemId && r.PeriodId == slot.PeriodId && r.ReportingUnitId == slot.UnitId).ToListAsync(Ct);
            var report = Assert.Single(rows);
            var submitted = mine.Single(o => o.Submit && o.Outcome == Outcome.Saved);
            Assert.Equal((ReviewState.Submitted, $"Kết quả lần {submitted.Token}."), (report.State, report.Results));
            var events = await db.ReviewEvents.AsNoTracking().Where(e => e.ReportId == report.Id).ToListAsync(Ct);
            Assert.Equal([(ReviewState.Draft, ReviewState.Submitted)], events.Select(e => (e.FromState, e.ToState)));

            // Each save writes the report and its audit row in one transaction: every acknowledged save has exactly one
            // audit row, a refused one at most one (the server may have committed just before the connection went).
            var key = report.Id.ToString(CultureInfo.InvariantCulture);
            var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ProgressReport) && a.EntityKey == key).Select(a => a.After ?? "").ToListAsync(Ct);
            foreach (var op in mine)
            {
                var times = audited.Count(a => a.Contains(op.Token, StringComparison.Ordinal));
                Assert.True(op.Outcome == Outcome.Saved ? times == 1 : times <= 1, $"{op.Token} ({op.Outcome}) is in the audit trail {times} times");
                unknownButStored += op.Outcome != Outcome.Saved && times == 1 ? 1 : 0;
            }
            // …and no audit row records a save nobody made.
            Assert.All(audited, a => Assert.Contains(mine, o => a.Contains(o.Token, StringComparison.Ordinal)));
            var eventKeys = events.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(events.Count, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ReviewEvent) && eventKeys.Contains(a.EntityKey!), Ct));
        }
        output?.WriteLine($"refused saves that the server had committed anyway: {unknownButStored}");
    }

    // The exception as thrown and the innermost one, e.g. "DbUpdateException → PostgresException 57P01".
    private static string Cause(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        var state = inner is Npgsql.PostgresException p ? " " + p.SqlState : "";
        return inner == ex ? ex.GetType().Name + state : $"{ex.GetType().Name} → {inner.GetType().Name}{state}";
    }

    private static string Measurements(List<Op> ops, TimeSpan stopping, TimeSpan down, TimeSpan starting, TimeSpan back)
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var after = ops.Where(o => o.Started >= back).ToList();
        var firstSaves = ops.Where(o => o.Started >= back && o.Outcome == Outcome.Saved).GroupBy(o => o.Writer).Select(g => g.Min(o => o.Ended) - back).ToList();
        return string.Join(Environment.NewLine,
            $"stop asked {S(stopping)} s, down {S(down)} s, start asked {S(starting)} s, accepting again {S(back)} s",
            $"saves {ops.Count(o => o.Outcome != Outcome.ReadFailed)}: saved {ops.Count(o => o.Outcome == Outcome.Saved)}, outage message {ops.Count(o => o.Outcome == Outcome.Outage)}, other {ops.Count(o => o.Outcome == Outcome.Other)}",
            $"outage messages for saves in flight at the stop {ops.Count(o => o.Outcome == Outcome.Outage && o.Started < down)}, pressed while down {ops.Count(o => o.Outcome == Outcome.Outage && o.Started >= down && o.Started < back)}; conflicts after an outage {ops.Count(o => o.Outcome == Outcome.ConflictAfterOutage)}",
            $"page loads (reading the report back) that failed: {ops.Count(o => o.Outcome == Outcome.ReadFailed)}, after the restart {after.Count(o => o.Outcome == Outcome.ReadFailed)}",
            $"saves started after the restart: {after.Count(o => o.Outcome != Outcome.ReadFailed)}, of which outage message {after.Count(o => o.Outcome == Outcome.Outage)}",
            $"first save after the restart per writer: min {S(firstSaves.Min())} s, max {S(firstSaves.Max())} s",
            $"last submission {S(ops.Where(o => o.Submit && o.Outcome == Outcome.Saved).Max(o => o.Ended))} s");
    }
}
