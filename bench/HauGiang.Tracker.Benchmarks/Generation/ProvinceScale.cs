using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Issue 12's province scale: 100 programs of 200 items each, 100 real units (a few merged), ten years of
/// monthly periods and reports (about 2 million), closed periods frozen (computed in memory by
/// <see cref="BatchSnapshots"/>, checked against the Core's TakeAsync on the first program). Small tables
/// go through EF (and the audit trail); the large ones by COPY, one program at a time so memory stays flat.
/// </summary>
internal static class ProvinceScale
{
    public const int Programs = 100;
    public const int ItemsPerProgram = 200;
    public const int Units = 100;
    public const int FirstYear = 2017;
    public const int Years = 10;
    private static readonly Shape Shape = new(SubTasksMin: 5, SubTasksMax: 7, DocumentsMin: 2, DocumentsMax: 4, StepMin: 0.5, StepMax: 1.4, SkipChance: 0.02);

    public static async Task RunAsync(IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, Random random, DateOnly today, CancellationToken ct)
    {
        var programs = await AddProgramsAndUnitsAsync(factory, ct);
        Progress.Say($"L: {programs.Count} programs and {Units} units ready; adding monthly periods");
        var periods = await AddPeriodsAsync(factory, connection, programs, today, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        var writer = new BatchWriter(db);
        var keys = await writer.NextKeysAsync(connection, ct);
        var units = await UnitHistory.LoadAsync(db, ct);
        var itemFactory = new ItemFactory(random, today, units, keys);
        var history = new ReportHistory(random, today, units, keys);
        var span = new DateOnly(FirstYear + 4, 1, 1).DayNumber - new DateOnly(FirstYear, 1, 1).DayNumber;
        var snapshotCopy = ModelCopy.For<PeriodSnapshot>(db);
        var snapshotId = await snapshotCopy.NextIdAsync(connection, ct);
        long reports = 0, snapshots = 0;
        foreach (var program in programs)
        {
            var batch = new Batch();
            List<Node> nodes = [.. program.Breakthroughs.Select(b => new Node(b.Id, null)), .. program.Groups.Select(g => new Node(null, g.Id))];
            for (var n = 1; batch.Items.Count < ItemsPerProgram; n++)
            {
                var start = program.IssuedOn.AddDays((int)(Math.Pow(random.NextDouble(), 3) * span));
                foreach (var (item, lead) in itemFactory.AddTask(batch, program.Id, nodes[(n - 1) % nodes.Count], $"NV-{n:000}", n, start, Shape))
                {
                    history.Add(batch, item, lead, periods[program.Id], Shape);
                }
            }
            await writer.WriteAsync(connection, batch, ct);
            var frozen = BatchSnapshots.Take(batch, periods[program.Id]);
            if (program == programs[0])
            {
                var closed = periods[program.Id].Where(p => p.State == PeriodState.Closed).ToList();
                await Snapshots.VerifyAsync(factory, [closed[0], closed[closed.Count / 2], closed[^1]], frozen, ct);
            }
            frozen.ForEach(s => s.Id = snapshotId++);
            snapshots += await snapshotCopy.WriteAsync(connection, frozen, ct);
            reports += batch.Reports.Count;
            Progress.Say($"L: program {program.Code}: {batch.Items.Count} items, {batch.Reports.Count:N0} reports ({reports:N0} in all), {frozen.Count:N0} snapshot rows");
        }
        await writer.ResetIdentitiesAsync(connection, ct);
        await snapshotCopy.ResetIdentityAsync(connection, ct);
        Progress.Say($"L: {programs.Count} programs, {reports:N0} reports, {snapshots:N0} snapshot rows");
    }

    /// <summary>The programs with their breakthroughs and groups, the units up to a hundred, and a few mergers among them.</summary>
    private static async Task<List<ActionProgram>> AddProgramsAndUnitsAsync(IDbContextFactory<TrackerDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Actor.System("Bộ sinh dữ liệu đo hiệu năng");
        var programs = Enumerable.Range(1, Programs).Select(NewProgram).ToList();
        db.Programs.AddRange(programs);
        var existing = await db.OrgUnits.CountAsync(u => !u.IsSample, ct);
        var added = Enumerable.Range(1, Units - existing).Select(k => new OrgUnit
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"L-{k:000}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"Sở, ngành đo hiệu năng số {k}"),
            ShortName = string.Create(CultureInfo.InvariantCulture, $"Đơn vị L-{k:000}"),
            Kind = OrgUnitKind.Department,
        }).ToList();
        db.OrgUnits.AddRange(added);
        await db.SaveChangesAsync(ct);
        // Four mergers: two units into a third, on the first day of 2020 to 2023.
        for (var m = 0; m < 4; m++)
        {
            var effective = new DateOnly(2020 + m, 1, 1);
            foreach (var predecessor in added.Skip(3 * m).Take(2))
            {
                predecessor.ValidTo = effective.AddDays(-1);
                db.UnitSuccessions.Add(new UnitSuccession { PredecessorId = predecessor.Id, SuccessorId = added[(3 * m) + 2].Id, EffectiveOn = effective, Basis = $"Quyết định sáp nhập số {m + 1}/QĐ-UBND" });
            }
        }
        await db.SaveChangesAsync(ct);
        return programs;
    }

    private static ActionProgram NewProgram(int n)
    {
        var program = new ActionProgram
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"{n:000}-CTr/ĐHN"),
            Title = string.Create(CultureInfo.InvariantCulture, $"Chương trình đo hiệu năng số {n}"),
            IssuingBody = "Ban Chấp hành Đảng bộ tỉnh",
            IssuedOn = new DateOnly(FirstYear, 1, 1).AddDays(-12),
            TermStartYear = 2020,
            TermEndYear = 2025,
            Implements = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh",
        };
        program.Breakthroughs.AddRange(Enumerable.Range(1, 3).Select(o => new StrategicBreakthrough { Ordinal = o, Title = $"Đột phá {o}" }));
        program.Groups.AddRange(Enumerable.Range(1, 6).Select(o => new SolutionGroup { Ordinal = o, Heading = $"Nhóm {o}", Title = $"Nhóm nhiệm vụ, giải pháp {o}" }));
        return program;
    }

    /// <summary>Ten years of monthly periods for each program, closed up to today as the seeder closes its own.</summary>
    private static async Task<Dictionary<int, List<ReportingPeriod>>> AddPeriodsAsync(
        IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, List<ActionProgram> programs, DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var copy = ModelCopy.For<ReportingPeriod>(db);
        var nextId = (int)await copy.NextIdAsync(connection, ct);
        var all = new List<ReportingPeriod>();
        foreach (var program in programs)
        {
            for (var month = 0; month < Years * 12; month++)
            {
                var period = ReportingPeriod.Default(program.Id, PeriodKind.Month, FirstYear + (month / 12), (month % 12) + 1, program.TermStartYear, program.TermEndYear);
                period.Id = nextId++;
                period.State = period.EndsOn < today ? PeriodState.Closed : period.StartsOn <= today ? PeriodState.Open : PeriodState.Planned;
                period.ClosedAt = period.State == PeriodState.Closed ? ReportHistory.At(period.EndsOn.AddDays(1), 2) : null;
                period.ClosedBy = period.State == PeriodState.Closed ? "Văn phòng theo dõi" : null;
                all.Add(period);
            }
        }
        await copy.WriteAsync(connection, all, ct);
        await copy.ResetIdentityAsync(connection, ct);
        return all.Where(p => p.State != PeriodState.Planned).GroupBy(p => p.ProgramId).ToDictionary(g => g.Key, g => g.ToList());
    }
}
