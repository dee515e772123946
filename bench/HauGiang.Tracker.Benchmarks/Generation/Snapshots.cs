using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Periods;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Freezes the closed periods as closing them in the app does: the Core's PeriodSnapshots.TakeAsync
/// computes the rows (it skips items a period already has), and COPY writes them instead of SaveChanges.
/// </summary>
internal static class Snapshots
{
    public static async Task<int> TakeClosedAsync(IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, IReadOnlyCollection<int> programIds, CancellationToken ct)
    {
        List<ReportingPeriod> periods;
        ModelCopy copy;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            periods = await db.Periods.AsNoTracking().Where(p => programIds.Contains(p.ProgramId) && p.State == PeriodState.Closed).OrderBy(p => p.ProgramId).ThenBy(p => p.EndsOn).ToListAsync(ct);
            copy = ModelCopy.For<PeriodSnapshot>(db);
        }
        var nextId = await copy.NextIdAsync(connection, ct);
        var written = 0;
        var lastProgram = 0;
        foreach (var period in periods)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await PeriodSnapshots.TakeAsync(db, period, period.ClosedAt ?? ReportHistory.At(period.EndsOn.AddDays(1), 2), ct);
            var rows = db.ChangeTracker.Entries<PeriodSnapshot>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            foreach (var row in rows)
            {
                row.Id = nextId++;
            }
            written += await copy.WriteAsync(connection, rows, ct);
            if (period.ProgramId != lastProgram && programIds.Count > 1)
            {
                lastProgram = period.ProgramId;
                Progress.Say($"snapshots: program {period.ProgramId}, {written:N0} rows so far");
            }
        }
        await copy.ResetIdentityAsync(connection, ct);
        return written;
    }

    /// <summary>Takes the sample periods with TakeAsync, saving nothing, and fails unless <paramref name="computed"/> holds the same rows.</summary>
    public static async Task VerifyAsync(IDbContextFactory<TrackerDbContext> factory, IReadOnlyList<ReportingPeriod> sample, IReadOnlyList<PeriodSnapshot> computed, CancellationToken ct)
    {
        var expected = new List<string>();
        foreach (var period in sample)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await PeriodSnapshots.TakeAsync(db, period, period.ClosedAt!.Value, ct);
            expected.AddRange(db.ChangeTracker.Entries<PeriodSnapshot>().Select(e => BatchSnapshots.Key(e.Entity)));
        }
        var periodIds = sample.Select(p => p.Id).ToHashSet();
        var actual = computed.Where(s => periodIds.Contains(s.PeriodId)).Select(BatchSnapshots.Key).ToList();
        var differences = expected.Except(actual).Select(k => $"TakeAsync: {k}").Concat(actual.Except(expected).Select(k => $"computed: {k}")).ToList();
        if (differences.Count > 0 || expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"The computed snapshots differ from PeriodSnapshots.TakeAsync's ({differences.Count} rows):\n{string.Join("\n", differences.Take(6))}");
        }
        Progress.Say($"snapshots: {actual.Count} rows of {sample.Count} periods checked: identical to PeriodSnapshots.TakeAsync's");
    }
}
