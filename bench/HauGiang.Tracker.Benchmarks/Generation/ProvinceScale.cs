using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>How many programs, items, units and years of monthly periods a generated data set has.</summary>
/// <param name="Units">Real units wanted in all: the generator adds units up to this number (none when the seed has as many).</param>
/// <param name="Mergers">Mergers of two added units into a third, on the first day of 2020, 2021, …</param>
internal sealed record ProgramScale(string Name, int Programs, int ItemsPerProgram, int Units, int Mergers, int FirstYear, int Years)
{
    /// <summary>Issue 17's S: a program the size of the seeded one with 5 years of monthly reports from every unit it names, beside the seeded program.</summary>
    public static ProgramScale Small(int seededItems) => new("S", 1, seededItems, 0, 0, 2022, 5);

    /// <summary>Issue 12's and 17's L: 100 programs × 200 items × 100 units × 10 years of monthly reports (about 2 million).</summary>
    public static readonly ProgramScale Large = new("L", 100, 200, 100, 4, 2017, 10);
}

/// <summary>
/// Generated programs (issue 12's province scale, issue 17's S and L): programs of about <see cref="ProgramScale.ItemsPerProgram"/>
/// items, units up to <see cref="ProgramScale.Units"/> (a few merged), monthly periods and reports, closed periods frozen (computed
/// in memory by <see cref="BatchSnapshots"/>, checked against the Core's TakeAsync on the first program). Small tables go through EF
/// (and the audit trail); the large ones by COPY, one program at a time so memory stays flat.
/// </summary>
internal static class ProvinceScale
{
    private static readonly Shape Shape = new(SubTasksMin: 5, SubTasksMax: 7, DocumentsMin: 2, DocumentsMax: 4, StepMin: 0.5, StepMax: 1.4, SkipChance: 0.02);

    public static async Task RunAsync(IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, Random random, DateOnly today, ProgramScale scale, CancellationToken ct)
    {
        var programs = await AddProgramsAndUnitsAsync(factory, scale, ct);
        Progress.Say($"{scale.Name}: {programs.Count} programs and units ready; adding monthly periods");
        var periods = await AddPeriodsAsync(factory, connection, programs, today, scale, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        var writer = new BatchWriter(db);
        var keys = await writer.NextKeysAsync(connection, ct);
        var units = await UnitHistory.LoadAsync(db, ct);
        var itemFactory = new ItemFactory(random, today, units, keys);
        var history = new ReportHistory(random, today, units, keys);
        // Items start over the first half of the span (at most 4 years), most of them early.
        var span = new DateOnly(scale.FirstYear + Math.Min(4, Math.Max(1, scale.Years / 2)), 1, 1).DayNumber - new DateOnly(scale.FirstYear, 1, 1).DayNumber;
        var snapshotCopy = ModelCopy.For<PeriodSnapshot>(db);
        var snapshotId = await snapshotCopy.NextIdAsync(connection, ct);
        long reports = 0, snapshots = 0;
        foreach (var program in programs)
        {
            var batch = new Batch();
            List<Node> nodes = [.. program.Breakthroughs.Select(b => new Node(b.Id, null)), .. program.Groups.Select(g => new Node(null, g.Id))];
            for (var n = 1; batch.Items.Count < scale.ItemsPerProgram; n++)
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
            Progress.Say($"{scale.Name}: program {program.Code}: {batch.Items.Count} items, {batch.Reports.Count:N0} reports ({reports:N0} in all), {frozen.Count:N0} snapshot rows");
        }
        await writer.ResetIdentitiesAsync(connection, ct);
        await snapshotCopy.ResetIdentityAsync(connection, ct);
        Progress.Say($"{scale.Name}: {programs.Count} programs, {reports:N0} reports, {snapshots:N0} snapshot rows");
    }

    /// <summary>The programs with their breakthroughs and groups, the units up to a hundred, and a few mergers among them.</summary>
    private static async Task<List<ActionProgram>> AddProgramsAndUnitsAsync(IDbContextFactory<TrackerDbContext> factory, ProgramScale scale, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Actor.System("Bộ sinh dữ liệu đo hiệu năng");
        var programs = Enumerable.Range(1, scale.Programs).Select(n => NewProgram(n, scale)).ToList();
        db.Programs.AddRange(programs);
        var existing = await db.OrgUnits.CountAsync(u => !u.IsSample, ct);
        var added = Enumerable.Range(1, Math.Max(0, scale.Units - existing)).Select(k => new OrgUnit
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"L-{k:000}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"Sở, ngành đo hiệu năng số {k}"),
            ShortName = string.Create(CultureInfo.InvariantCulture, $"Đơn vị L-{k:000}"),
            Kind = OrgUnitKind.Department,
        }).ToList();
        db.OrgUnits.AddRange(added);
        await db.SaveChangesAsync(ct);
        // Mergers: two units into a third, on the first day of 2020, 2021, …
        for (var m = 0; m < scale.Mergers && (3 * m) + 2 < added.Count; m++)
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

    private static ActionProgram NewProgram(int n, ProgramScale scale)
    {
        var program = new ActionProgram
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"{n:000}-CTr/ĐHN"),
            Title = string.Create(CultureInfo.InvariantCulture, $"Chương trình đo hiệu năng số {n}"),
            IssuingBody = "Ban Chấp hành Đảng bộ tỉnh",
            IssuedOn = new DateOnly(scale.FirstYear, 1, 1).AddDays(-12),
            TermStartYear = 2020,
            TermEndYear = 2025,
            Implements = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh",
        };
        program.Breakthroughs.AddRange(Enumerable.Range(1, 3).Select(o => new StrategicBreakthrough { Ordinal = o, Title = $"Đột phá {o}" }));
        program.Groups.AddRange(Enumerable.Range(1, 6).Select(o => new SolutionGroup { Ordinal = o, Heading = $"Nhóm {o}", Title = $"Nhóm nhiệm vụ, giải pháp {o}" }));
        return program;
    }

    /// <summary>The years of monthly periods for each program, closed up to today as the seeder closes its own.</summary>
    private static async Task<Dictionary<int, List<ReportingPeriod>>> AddPeriodsAsync(
        IDbContextFactory<TrackerDbContext> factory, NpgsqlConnection connection, List<ActionProgram> programs, DateOnly today, ProgramScale scale, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var copy = ModelCopy.For<ReportingPeriod>(db);
        var nextId = (int)await copy.NextIdAsync(connection, ct);
        var all = new List<ReportingPeriod>();
        foreach (var program in programs)
        {
            for (var month = 0; month < scale.Years * 12; month++)
            {
                var period = ReportingPeriod.Default(program.Id, PeriodKind.Month, scale.FirstYear + (month / 12), (month % 12) + 1, program.TermStartYear, program.TermEndYear);
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
