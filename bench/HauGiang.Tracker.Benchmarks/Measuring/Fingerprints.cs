using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HauGiang.Tracker.Core.Features.Overview;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// What the measured calls returned, so a change to the queries can be shown to leave the results alone: a hash
/// of the whole facts per program and basis (compare two runs on the same data and day), and today's overview
/// counts against the hand-written SQL.
/// </summary>
internal static class Fingerprints
{
    public static async Task PrintAsync(OverviewService service, ProgramFactsStore store, OverviewCountsSql sql, IReadOnlyList<ReadModelCommand.Target> targets, DateOnly today, CancellationToken ct)
    {
        Console.WriteLine("| program | items | facts today | facts past day | facts closed period | overview counts = SQL |");
        Console.WriteLine("|---|---:|---|---|---|---|");
        foreach (var t in targets)
        {
            var now = (await store.GetAsync(new FactsRequest(t.Program.Id), ct))!;
            var past = (await store.GetAsync(new FactsRequest(t.Program.Id, t.PastDay), ct))!;
            var closed = (await store.GetAsync(new FactsRequest(t.Program.Id, PeriodId: t.Closed.Id), ct))!;
            var c = (await service.OverviewAsync(new FactsRequest(t.Program.Id), ItemFilter.Real, ct))!.Figures.Counts;
            var counted = new OverviewCountsSql.Counts(c.Total, c.DoneOnTime, c.DoneLate, c.OpenWithinDeadline, c.Overdue, c.Undated);
            var expected = await sql.CountAsync(t.Program.Id, today, ct);
            var same = counted == expected ? "yes" : $"NO: {counted} vs SQL {expected}";
            Console.WriteLine($"| {t.Program.Code} | {now.Items.Count} | `{Hash(now)}` | `{Hash(past)}` | `{Hash(closed)}` | {same} |");
        }
    }

    /// <summary>Whether two computations of facts say the same; the units' activity is a set, its order carries nothing.</summary>
    public static bool Same(ProgramFacts a, ProgramFacts b) => Json(a) == Json(b);

    private static string Json(ProgramFacts facts) => JsonSerializer.Serialize(facts with { Activity = [.. facts.Activity.OrderBy(a => a.UnitId)] });

    private static string Hash(ProgramFacts facts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Json(facts))))[..12].ToLowerInvariant();
}
