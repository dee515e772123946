using System.Diagnostics;
using System.Globalization;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web;
using HauGiang.Tracker.Web.Components.Pages.Roadmap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times the roadmap (issue 13) of the largest program through the Core's own services (built with AddTrackerCore,
/// as the app does): its data through <see cref="RoadmapService"/>, cold (a fresh <see cref="ProgramFactsStore"/> and
/// service per call, so the facts and the schedules are computed) and warm (the long-lived ones: a visit when nothing
/// changed), with the SQL commands each call sends; then the whole program's PDF written as the PDF endpoint writes it
/// (the app's words from its resources, <see cref="RoadmapPdf.Write"/> into a memory stream), on A4 and A3, with its
/// time, pages, bytes and memory. Prints Markdown tables.
/// </summary>
internal static class RoadmapCommand
{
    private sealed record Measure(string Name, Func<ProgramRef, PeriodRef?, DateOnly, RoadmapRequest?> Request);

    private static readonly Measure[] Measures =
    [
        new("today, by breakthrough (the page's default)", (p, _, _) => new RoadmapRequest(new FactsRequest(p.Id), ItemFilter.Real)),
        new("today, by unit", (p, _, _) => new RoadmapRequest(new FactsRequest(p.Id), ItemFilter.Real, RoadmapGrouping.Unit)),
        new("a past day (400 days ago)", (p, _, today) => new RoadmapRequest(new FactsRequest(p.Id, today.AddDays(-400)), ItemFilter.Real)),
        new("closed period compared with today", (p, closed, _) => closed is null ? null
            : new RoadmapRequest(new FactsRequest(p.Id), ItemFilter.Real, RoadmapGrouping.Breakthrough, new FactsRequest(p.Id, PeriodId: closed.Id))),
    ];

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var connectionString = args.Required("connection");
        var runs = args.Number("runs", 30);
        var pdfRuns = args.Number("pdf-runs", 5);
        var counter = new CommandCounter(args.Optional("log-sql"));
        await using var services = new ServiceCollection().AddLogging().AddTrackerCore(connectionString)
            .ConfigureDbContext<TrackerDbContext>((_, options) => options.AddInterceptors(counter), ServiceLifetime.Singleton)
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var warmStore = services.GetRequiredService<ProgramFactsStore>();
        var warm = services.GetRequiredService<RoadmapService>();
        var overview = services.GetRequiredService<OverviewService>();
        var today = VietnamClock.Today(clock);

        // The largest program (at scale grown: the seeded one, grown to ~5,000 items) and its latest closed period.
        ProgramRef? program = null;
        var size = -1;
        foreach (var candidate in await overview.ProgramsAsync(ct))
        {
            var facts = await warmStore.GetAsync(new FactsRequest(candidate.Id), ct);
            if (facts is not null && facts.Items.Count > size)
            {
                (program, size) = (candidate, facts.Items.Count);
            }
        }
        if (program is null)
        {
            throw new InvalidOperationException("no program to draw");
        }
        var closed = (await overview.ClosedPeriodsAsync(program.Id, ct)).FirstOrDefault();

        var times = new Dictionary<string, List<double>>();
        var commands = new Dictionary<string, SortedSet<int>>();
        var lines = new Dictionary<string, string>();
        const string FactsAlone = "the read model's facts alone (ProgramFactsStore, today), for the share of the above";
        const string BuildAlone = "RoadmapBuilder.Build alone (facts and schedules in hand), by breakthrough";
        // The schedules as the service loaded them, taken back from the rows, to time the builder without SQL.
        var first = await warm.GetAsync(Measures[0].Request(program, closed, today)!, ct) ?? throw new InvalidOperationException("the roadmap found nothing");
        var schedules = first.Rows.DistinctBy(r => r.Item.Id).ToDictionary(r => r.Item.Id, r => r.Schedule);
        void Record(string key, double ms, int sent)
        {
            (times.TryGetValue(key, out var t) ? t : times[key] = []).Add(ms);
            (commands.TryGetValue(key, out var c) ? c : commands[key] = []).Add(sent);
        }

        for (var run = 0; run <= runs; run++)
        {
            foreach (var measure in Measures)
            {
                if (measure.Request(program, closed, today) is not { } request)
                {
                    continue;
                }
                // Cold: a store and a service of their own, so nothing is cached; warm: the app's long-lived ones.
                using (var store = new ProgramFactsStore(factory, clock))
                using (var service = new RoadmapService(store, factory))
                {
                    var (ms, sent, roadmap) = await TimeAsync(() => service.GetAsync(request, ct), counter);
                    lines[measure.Name] = Summary.Number(roadmap.Lines.Count);
                    if (run > 0)
                    {
                        Record($"cold|{measure.Name}", ms, sent);
                    }
                }
                var (warmMs, warmSent, _) = await TimeAsync(() => warm.GetAsync(request, ct), counter);
                if (run > 0)
                {
                    Record($"warm|{measure.Name}", warmMs, warmSent);
                }
            }
            using (var store = new ProgramFactsStore(factory, clock))
            {
                var (ms, sent, _) = await TimeAsync(async () => await store.GetAsync(new FactsRequest(program.Id), ct), counter);
                var (warmMs, warmSent, _) = await TimeAsync(async () => await warmStore.GetAsync(new FactsRequest(program.Id), ct), counter);
                if (run > 0)
                {
                    Record($"cold|{FactsAlone}", ms, sent);
                    Record($"warm|{FactsAlone}", warmMs, warmSent);
                }
            }
            var facts = await warmStore.GetAsync(new FactsRequest(program.Id), ct) ?? throw new InvalidOperationException("no facts");
            var (buildMs, buildSent, built) = await TimeAsync(() => Task.FromResult<object?>(RoadmapBuilder.Build(facts, schedules, ItemFilter.Real, RoadmapGrouping.Breakthrough)), counter);
            lines[BuildAlone] = Summary.Number(((ProgramRoadmap)built).Lines.Count);
            lines[FactsAlone] = "–";
            if (run > 0)
            {
                Record($"compute|{BuildAlone}", buildMs, buildSent);
            }
            Progress.Say(run == 0 ? "roadmap: warm-up done" : $"roadmap: run {run}/{runs} done");
        }

        var whole = first;
        Console.WriteLine($"Roadmap data of {program.Code} ({size} items in the read model, {whole.ItemCount} kept by the page's filter, " +
                          $"{whole.Lines.Count} lines with headings and milestones, years {whole.FirstYear}–{whole.LastYear}), today {today:yyyy-MM-dd}, " +
                          $"closed period {closed?.Label ?? "none"}; {runs} calls per row after one warm-up");
        Console.WriteLine();
        Console.WriteLine("| roadmap | path | lines | median (ms) | p95 (ms) | max (ms) | SQL commands per call |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (key, values) in times)
        {
            var s = Summary.Of(values);
            var parts = key.Split('|');
            var sent = commands[key];
            var count = sent.Min == sent.Max ? $"{sent.Min}" : $"{sent.Min}–{sent.Max}";
            Console.WriteLine($"| {parts[1]} | {parts[0]} | {lines[parts[1]]} | {Summary.Number(s.Median, "N1")} | {Summary.Number(s.P95, "N1")} | {Summary.Number(s.Max, "N1")} | {count} |");
        }
        Console.WriteLine();

        await PdfAsync(services, whole, pdfRuns, ct);
        return 0;
    }

    // The whole program's PDF as RoadmapEndpoints writes it, on each paper at the page's default zoom (year) and at quarters.
    private static async Task PdfAsync(IServiceProvider services, ProgramRoadmap roadmap, int runs, CancellationToken ct)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var L = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var canResetPeak = MemoryProbe.CanResetPeakRss();
        var sample = RoadmapPrint.Words(L, roadmap, TimelineZoom.Year);
        Progress.Say($"roadmap: the PDF's words are the app's: '{sample.Title}', '{sample.PageFormat}', '{sample.Scope}'");
        Console.WriteLine($"Roadmap PDF of the whole program ({roadmap.Lines.Count} lines), written as the PDF endpoint writes it (the app's words, into a memory stream); " +
                          $"{runs} writes per row after one warm-up. Allocated: GC.GetTotalAllocatedBytes(precise: true) after minus before, all the write allocates. " +
                          $"Peak heap: the highest GC heap size sampled every 5 ms during the write, less the heap before it (after a full collection). " +
                          (canResetPeak ? "Peak RSS: the process's VmHWM (reset through /proc/self/clear_refs before each write), whole process." : "Peak RSS: not available (clear_refs refused)."));
        Console.WriteLine();
        Console.WriteLine("| paper | zoom | pages | PDF (KB) | median (ms) | p95 (ms) | max (ms) | allocated (MB) | peak heap growth (MB) | peak RSS (MB) | RSS before (MB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (paper, zoom) in new[] { (RoadmapPaper.A4, TimelineZoom.Year), (RoadmapPaper.A3, TimelineZoom.Year), (RoadmapPaper.A4, TimelineZoom.Quarter), (RoadmapPaper.A3, TimelineZoom.Quarter) })
        {
            var times = new List<double>();
            double allocated = 0, heap = 0, peakRss = 0, rssBefore = 0;
            int pages = 0;
            long bytes = 0;
            for (var run = 0; run <= runs; run++)
            {
                ct.ThrowIfCancellationRequested();
                var written = 0;
                using var buffer = new MemoryStream();
                var cost = await MemoryProbe.MeasureAsync(() =>
                {
                    written = RoadmapPdf.Write(roadmap, zoom, paper, RoadmapPrint.Words(L, roadmap, zoom), buffer);
                    return Task.CompletedTask;
                });
                if (run > 0)
                {
                    times.Add(cost.Ms);
                    allocated = Math.Max(allocated, cost.AllocatedMb);
                    heap = Math.Max(heap, cost.PeakHeapGrowthMb);
                    peakRss = Math.Max(peakRss, cost.PeakRssMb ?? 0);
                    rssBefore = Math.Max(rssBefore, cost.RssBeforeMb);
                }
                (pages, bytes) = (written, buffer.Length);
            }
            var s = Summary.Of(times);
            Console.WriteLine($"| {paper} | {zoom} | {pages} | {Summary.Number(bytes / 1024.0)} | {Summary.Number(s.Median)} | {Summary.Number(s.P95)} | {Summary.Number(s.Max)} | " +
                              $"{Summary.Number(allocated)} | {Summary.Number(heap)} | {(canResetPeak ? Summary.Number(peakRss) : "–")} | {Summary.Number(rssBefore)} |");
            Progress.Say($"roadmap: PDF {paper} {zoom} done");
        }
        Console.WriteLine();
        Console.WriteLine("Memory columns are the largest over the writes of the row.");
    }

    private static async Task<(double Ms, int Commands, ProgramRoadmap Roadmap)> TimeAsync(Func<Task<ProgramRoadmap?>> call, CommandCounter counter)
    {
        var (ms, sent, result) = await TimeAsync(async () => (object?)await call(), counter);
        return (ms, sent, (ProgramRoadmap)result);
    }

    private static async Task<(double Ms, int Commands, object Result)> TimeAsync(Func<Task<object?>> call, CommandCounter counter)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        var result = await call();
        watch.Stop();
        return result is null ? throw new InvalidOperationException("a roadmap call found nothing") : (watch.Elapsed.TotalMilliseconds, counter.Count - before, result);
    }
}
