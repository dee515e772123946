using System.Diagnostics;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times the read model through the Core's own services (built with AddTrackerCore, as the app does) for a
/// sample of programs: cold (a fresh <see cref="ProgramFactsStore"/> per call, so the facts are computed) and
/// warm (one long-lived store: a page visit when nothing changed), with the SQL commands each call sends, and a
/// hand-written SQL count of the same overview for scale. Prints Markdown tables.
/// </summary>
internal static class ReadModelCommand
{
    private sealed record Measure(string Name, Func<OverviewService, ProgramFactsStore, Target, CancellationToken, Task<object?>> Call);

    /// <summary>A sampled program, a past day and a closed period of it.</summary>
    internal sealed record Target(ProgramRef Program, DateOnly PastDay, PeriodRef Closed);

    private static readonly ItemFilter Overdue = ItemFilter.Real with { Bucket = StatusBucket.Overdue };

    private static readonly Measure[] Measures =
    [
        new("facts, today", async (_, store, t, ct) => await store.GetAsync(new FactsRequest(t.Program.Id), ct)),
        new("facts, a past day (400 days ago)", async (_, store, t, ct) => await store.GetAsync(new FactsRequest(t.Program.Id, t.PastDay), ct)),
        new("facts, a closed period (snapshot)", async (_, store, t, ct) => await store.GetAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), ct)),
        new("OverviewAsync, today", async (s, _, t, ct) => await s.OverviewAsync(new FactsRequest(t.Program.Id), ItemFilter.Real, ct)),
        new("OverviewAsync, closed period", async (s, _, t, ct) => await s.OverviewAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), ItemFilter.Real, ct)),
        new("UnitsAsync, today", async (s, _, t, ct) => await s.UnitsAsync(new FactsRequest(t.Program.Id), ItemFilter.Real, ct)),
        new("ListAsync, today, overdue, first 50", async (s, _, t, ct) => await s.ListAsync(new FactsRequest(t.Program.Id), Overdue, 0, 50, ct)),
        new("CompareAsync, closed period → today", async (s, _, t, ct) =>
            await s.CompareAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), new FactsRequest(t.Program.Id), ItemFilter.Real, ct)),
    ];

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var connectionString = args.Required("connection");
        var sampleSize = args.Number("programs", 5);
        var runs = args.Number("runs", 30);
        var counter = new CommandCounter(args.Optional("log-sql"));
        await using var services = new ServiceCollection().AddLogging().AddTrackerCore(connectionString)
            .ConfigureDbContext<TrackerDbContext>((_, options) => options.AddInterceptors(counter), ServiceLifetime.Singleton)
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var warm = services.GetRequiredService<OverviewService>();
        var warmStore = services.GetRequiredService<ProgramFactsStore>();
        var today = VietnamClock.Today(clock);
        var targets = await SampleAsync(warm, sampleSize, today, ct);
        var sql = new OverviewCountsSql(connectionString);

        var times = new Dictionary<string, List<double>>();
        var commands = new Dictionary<string, SortedSet<int>>();
        void Record(string key, double ms, int sent)
        {
            (times.TryGetValue(key, out var t) ? t : times[key] = []).Add(ms);
            (commands.TryGetValue(key, out var c) ? c : commands[key] = []).Add(sent);
        }

        for (var run = 0; run <= runs; run++)
        {
            foreach (var target in targets)
            {
                foreach (var measure in Measures)
                {
                    // Cold: a store of its own, so nothing is cached; warm: the app's long-lived one.
                    using (var store = new ProgramFactsStore(factory, clock))
                    using (var service = new OverviewService(store, factory))
                    {
                        var (ms, sent) = await TimeAsync(() => measure.Call(service, store, target, ct), counter);
                        if (run > 0)
                        {
                            Record($"cold|{measure.Name}", ms, sent);
                        }
                    }
                    var (warmMs, warmSent) = await TimeAsync(() => measure.Call(warm, warmStore, target, ct), counter);
                    if (run > 0)
                    {
                        Record($"warm|{measure.Name}", warmMs, warmSent);
                    }
                }
                var watch = Stopwatch.StartNew();
                await sql.CountAsync(target.Program.Id, today, ct);
                if (run > 0)
                {
                    Record("sql|overview counts", watch.Elapsed.TotalMilliseconds, 1);
                }
            }
            Progress.Say(run == 0 ? "readmodel: warm-up done" : $"readmodel: run {run}/{runs} done");
        }

        Console.WriteLine($"Read model on {targets.Count} programs ({string.Join(", ", targets.Select(t => $"{t.Program.Code}: {t.Closed.Label}"))}), today {today:yyyy-MM-dd}, past day {targets[0].PastDay:yyyy-MM-dd}; {runs} runs after one warm-up, so {runs * targets.Count} calls per row");
        Console.WriteLine();
        Console.WriteLine("| call | path | median (ms) | p95 (ms) | max (ms) | SQL commands per call |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (key, values) in times)
        {
            var s = Summary.Of(values);
            var parts = key.Split('|');
            var sent = commands[key];
            var count = sent.Min == sent.Max ? $"{sent.Min}" : $"{sent.Min}–{sent.Max}";
            Console.WriteLine($"| {parts[1]} | {parts[0]} | {Summary.Number(s.Median, "N1")} | {Summary.Number(s.P95, "N1")} | {Summary.Number(s.Max, "N1")} | {count} |");
        }
        var hand = Summary.Of(times["sql|overview counts"]);
        var cold = Summary.Of(times["cold|OverviewAsync, today"]);
        var hit = Summary.Of(times["warm|OverviewAsync, today"]);
        Console.WriteLine();
        Console.WriteLine($"OverviewAsync (today) against the hand-written SQL count: cold p95 {Summary.Number(cold.P95 / hand.P95, "N1")}× (median {Summary.Number(cold.Median / hand.Median, "N1")}×), warm p95 {Summary.Number(hit.P95 / hand.P95, "N2")}× (median {Summary.Number(hit.Median / hand.Median, "N2")}×).");
        Console.WriteLine();
        await Fingerprints.PrintAsync(warm, warmStore, sql, targets, today, ct);
        return 0;
    }

    private static async Task<(double Ms, int Commands)> TimeAsync(Func<Task<object?>> call, CommandCounter counter)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        var result = await call();
        watch.Stop();
        return result is null ? throw new InvalidOperationException("a read-model call found nothing") : (watch.Elapsed.TotalMilliseconds, counter.Count - before);
    }

    // A fixed sample (seeded) of the programs that have a closed period; the latest closed period of each.
    private static async Task<IReadOnlyList<Target>> SampleAsync(OverviewService service, int size, DateOnly today, CancellationToken ct)
    {
        var candidates = new List<Target>();
        foreach (var program in await service.ProgramsAsync(ct))
        {
            if ((await service.ClosedPeriodsAsync(program.Id, ct)).FirstOrDefault() is { } closed)
            {
                candidates.Add(new Target(program, today.AddDays(-400), closed));
            }
        }
        var random = new Random(Generation.GenerateCommand.Seed);
        return [.. candidates.OrderBy(_ => random.Next()).Take(size).OrderBy(t => t.Program.Id)];
    }
}
