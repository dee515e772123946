using System.Diagnostics;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Core.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times each read-side page's data through the Core's own services (built with AddTrackerCore, as the app does) for a
/// sample of programs, next to a hand-written SQL query returning the same numbers (<see cref="ReadSideSql"/>, checked
/// equal first): cold (a fresh <see cref="ProgramFactsStore"/> and services per call, nothing cached or kept, so every
/// report is folded: as after a change to a reporting period) and warm (the long-lived ones: a visit while nothing
/// changed), with the SQL commands each call sends. Prints Markdown tables: the check, the timings, and the service / SQL
/// ratios.
/// </summary>
internal static class ReadModelCommand
{
    /// <summary>A page's data through the services (<paramref name="Service"/>) and through hand-written SQL (<paramref name="Sql"/>, null: no SQL yardstick).</summary>
    private sealed record Measure(string Name, Func<ReadSideServices, Target, CancellationToken, Task<object?>> Service, Func<ReadSideSql, OverviewCountsSql, Target, CancellationToken, Task>? Sql);

    /// <summary>A sampled program, today, a past day and a closed period of it.</summary>
    internal sealed record Target(ProgramRef Program, DateOnly Today, DateOnly PastDay, PeriodRef Closed);

    private static readonly ItemFilter Overdue = ItemFilter.Real with { Bucket = StatusBucket.Overdue };

    /// <summary>One word the generated titles and the seeded ones hold (the sampled programs do not change what it finds).</summary>
    private const string SearchWord = "nguồn";

    private static readonly Measure[] Measures =
    [
        new("overview, today", async (s, t, ct) => await s.Overview.OverviewAsync(new FactsRequest(t.Program.Id), ItemFilter.Real, ct),
            (_, counts, t, ct) => counts.CountAsync(t.Program.Id, t.Today, ct)),
        new("units' table, today", async (s, t, ct) => await s.Overview.UnitsAsync(new FactsRequest(t.Program.Id), ItemFilter.Real, ct),
            (sql, _, t, ct) => sql.UnitsAsync(t.Program.Id, t.Today, ct)),
        new("drill-down: overdue, first 50", async (s, t, ct) => await s.Overview.ListAsync(new FactsRequest(t.Program.Id), Overdue, 0, 50, ct),
            (sql, _, t, ct) => sql.OverdueAsync(t.Program.Id, t.Today, ct)),
        new("as-of: a closed period", async (s, t, ct) => await s.Overview.OverviewAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), ItemFilter.Real, ct),
            (sql, _, t, ct) => sql.ClosedAsync(t.Closed.Id, ct)),
        new("as-of: a past day (400 days ago)", async (s, t, ct) => await s.Overview.OverviewAsync(new FactsRequest(t.Program.Id, t.PastDay), ItemFilter.Real, ct), null),
        new("comparison: closed period → today", async (s, t, ct) =>
            await s.Overview.CompareAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), new FactsRequest(t.Program.Id), ItemFilter.Real, ct),
            async (sql, counts, t, ct) =>
            {
                await sql.ClosedAsync(t.Closed.Id, ct);
                await counts.CountAsync(t.Program.Id, t.Today, ct);
            }),
        new($"search “{SearchWord}” (every program)", async (s, _, ct) => await s.Search.SearchAsync(SearchWord, 8, ct),
            (sql, _, _, ct) => sql.SearchAsync(SearchWord, 8, ct)),
        new("roadmap data, today", async (s, t, ct) => await s.Roadmap.GetAsync(new RoadmapRequest(new FactsRequest(t.Program.Id), ItemFilter.Real), ct),
            (sql, _, t, ct) => sql.RoadmapAsync(t.Program.Id, t.Today, ct)),
    ];

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var connectionString = args.Required("connection");
        var sampleSize = args.Number("programs", 5);
        var runs = args.Number("runs", 30);
        var counter = new CommandCounter(args.Optional("log-sql"));
        await using var root = new ServiceCollection().AddLogging().AddTrackerCore(connectionString)
            .ConfigureDbContext<TrackerDbContext>((_, options) => options.AddInterceptors(counter), ServiceLifetime.Singleton)
            .BuildServiceProvider();
        var factory = root.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var clock = root.GetRequiredService<TimeProvider>();
        // Cold means nothing kept: the folds a notifier kept in this database (the app's, or an earlier run's) are a cache.
        await ForgetKeptFoldsAsync(factory, ct);
        using var warm = new ReadSideServices(root, root.GetRequiredService<ProgramFactsStore>());
        var today = VietnamClock.Today(clock);
        var targets = await SampleAsync(warm.Overview, sampleSize, today, ct);
        // The hand-written queries run with the app's session settings (no JIT), as the services' do.
        var sql = new ReadSideSql(DatabaseSetup.WithSessionSettings(connectionString));
        var counts = new OverviewCountsSql(DatabaseSetup.WithSessionSettings(connectionString));

        var equal = await ReadSideCheck.PrintAsync(warm, sql, counts, targets, SearchWord, ct);

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
                    using (var cold = new ReadSideServices(root, new ProgramFactsStore(factory, clock)))
                    {
                        var (ms, sent) = await TimeAsync(() => measure.Service(cold, target, ct), counter);
                        cold.Store.Dispose();
                        if (run > 0)
                        {
                            Record($"cold|{measure.Name}", ms, sent);
                        }
                    }
                    var (warmMs, warmSent) = await TimeAsync(() => measure.Service(warm, target, ct), counter);
                    if (run > 0)
                    {
                        Record($"warm|{measure.Name}", warmMs, warmSent);
                    }
                    if (measure.Sql is { } query)
                    {
                        var watch = Stopwatch.StartNew();
                        await query(sql, counts, target, ct);
                        if (run > 0)
                        {
                            Record($"sql|{measure.Name}", watch.Elapsed.TotalMilliseconds, 0);
                        }
                    }
                }
            }
            Progress.Say(run == 0 ? "readmodel: warm-up done" : $"readmodel: run {run}/{runs} done");
        }

        Console.WriteLine();
        Console.WriteLine($"Read side on {targets.Count} programs ({string.Join(", ", targets.Select(t => $"{t.Program.Code}: {t.Closed.Label}"))}), today {today:yyyy-MM-dd}, " +
                          $"past day {targets[0].PastDay:yyyy-MM-dd}; {runs} runs after one warm-up, so {runs * targets.Count} calls per row. Cold: nothing cached, the facts loaded " +
                          "whole, every report folded (a new process, or after a change to a reporting period; after other changes and on a new day the fold is reused: see the deadline rows below); warm: a visit while nothing changed (the long-lived store); SQL: the hand-written query of the same numbers.");
        Console.WriteLine();
        Console.WriteLine("| page's data | cold median / p95 (ms) | warm median / p95 (ms) | SQL median / p95 (ms) | cold p95 ÷ SQL p95 | warm p95 ÷ SQL p95 | SQL commands per call, cold / warm |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var measure in Measures)
        {
            var cold = Summary.Of(times[$"cold|{measure.Name}"]);
            var hit = Summary.Of(times[$"warm|{measure.Name}"]);
            var hand = times.TryGetValue($"sql|{measure.Name}", out var h) ? Summary.Of(h) : null;
            static string Pair(Summary s) => $"{Summary.Number(s.Median, "N1")} / {Summary.Number(s.P95, "N1")}";
            Console.WriteLine($"| {measure.Name} | {Pair(cold)} | {Pair(hit)} | {(hand is null ? "–" : Pair(hand))} | " +
                              $"{(hand is null ? "–" : Summary.Number(cold.P95 / hand.P95, "N1") + "×")} | {(hand is null ? "–" : Summary.Number(hit.P95 / hand.P95, "N2") + "×")} | " +
                              $"{Sent(commands[$"cold|{measure.Name}"])} / {Sent(commands[$"warm|{measure.Name}"])} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Max over all calls: {string.Join("; ", Measures.Select(m => $"{m.Name} cold {Summary.Number(Summary.Of(times[$"cold|{m.Name}"]).Max, "N0")} ms"))}.");
        Console.WriteLine();
        await Fingerprints.PrintAsync(warm.Overview, warm.Store, counts, targets, today, ct);
        Console.WriteLine();
        // Last: it writes, and everything above reads the generated data untouched.
        await SubmitMeasure.PrintAsync(root, warm, targets, args.Number("submits", 20), counter, ct);
        return equal ? 0 : 1;
    }

    private static string Sent(SortedSet<int> sent) => sent.Min == sent.Max ? $"{sent.Min}" : $"{sent.Min}–{sent.Max}";

    internal static async Task ForgetKeptFoldsAsync(IDbContextFactory<TrackerDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM read_model_folds", ct);
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
                candidates.Add(new Target(program, today, today.AddDays(-400), closed));
            }
        }
        var random = new Random(Generation.GenerateCommand.Seed);
        return [.. candidates.OrderBy(_ => random.Next()).Take(size).OrderBy(t => t.Program.Id)];
    }
}

/// <summary>The services a page uses, over one facts store.</summary>
internal sealed class ReadSideServices(IServiceProvider root, ProgramFactsStore store) : IDisposable
{
    private readonly IDbContextFactory<TrackerDbContext> _factory = root.GetRequiredService<IDbContextFactory<TrackerDbContext>>();

    public ProgramFactsStore Store { get; } = store;

    public OverviewService Overview { get; } = new(store, root.GetRequiredService<IDbContextFactory<TrackerDbContext>>());

    public RoadmapService Roadmap { get; } = new(store, root.GetRequiredService<IDbContextFactory<TrackerDbContext>>());

    public SearchService Search => new(_factory);

    public void Dispose()
    {
        Overview.Dispose();
        Roadmap.Dispose();
    }
}
