using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Issue 12's data set: the seeded program grown to about 5,000 items under its breakthroughs and groups,
/// with about 60,000 reports over its quarterly periods, and its closed periods frozen.
/// </summary>
internal static class GrownScale
{
    public const int TargetItems = 5_000;
    private static readonly Shape Shape = new(SubTasksMin: 8, SubTasksMax: 14, DocumentsMin: 2, DocumentsMax: 6, StepMin: 4, StepMax: 11, SkipChance: 0.1);

    public static async Task RunAsync(IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, Random random, DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Breakthroughs).Include(p => p.Groups).AsSplitQuery().OrderBy(p => p.Id).FirstAsync(ct);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.ProgramId == program.Id && p.Kind == PeriodKind.Quarter && p.State != PeriodState.Planned).OrderBy(p => p.StartsOn).ToListAsync(ct);
        var total = await db.WorkItems.CountAsync(i => i.ProgramId == program.Id, ct);
        List<Node> nodes = [.. program.Breakthroughs.OrderBy(b => b.Ordinal).Select(b => new Node(b.Id, null)), .. program.Groups.OrderBy(g => g.Ordinal).Select(g => new Node(null, g.Id))];

        var writer = new BatchWriter(db);
        var keys = await writer.NextKeysAsync(connection, ct);
        var units = await UnitHistory.LoadAsync(db, ct);
        var items = new ItemFactory(random, today, units, keys);
        var reports = new ReportHistory(random, today, units, keys);
        var batch = new Batch();
        var span = today.DayNumber - program.IssuedOn.DayNumber;
        for (var n = 1; total < TargetItems; n++)
        {
            var start = program.IssuedOn.AddDays((int)(Math.Pow(random.NextDouble(), 1.5) * span * 0.7));
            var made = items.AddTask(batch, program.Id, nodes[(n - 1) % nodes.Count], $"PT-{n:0000}", 100 + n, start, Shape);
            foreach (var (item, lead) in made)
            {
                reports.Add(batch, item, lead, periods, Shape);
            }
            total += made.Count;
        }
        Progress.Say($"grown: {batch.Items.Count:N0} items ({total:N0} in the program), {batch.Reports.Count:N0} reports, {batch.ReviewEvents.Count:N0} review events; writing");
        await writer.WriteAsync(connection, batch, ct);
        await writer.ResetIdentitiesAsync(connection, ct);
        Progress.Say("grown: taking the closed periods' snapshots");
        var snapshots = await Snapshots.TakeClosedAsync(factory, connection, [program.Id], ct);
        Progress.Say($"grown: {snapshots:N0} snapshot rows");
    }
}
