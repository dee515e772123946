using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Periods;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HauGiang.Tracker.Core.Features.Seeding;

/// <summary>
/// Seeds the program as the source names it, and optionally the labelled samples. Idempotent: rows are
/// found by their natural codes and only missing ones are added; nothing an administrator edited is
/// overwritten.
/// </summary>
public sealed partial class DatabaseSeeder(IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock, ILogger<DatabaseSeeder> logger)
{
    public const string SeedActor = "Khởi tạo dữ liệu";

    public async Task SeedAsync(bool includeSamples, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = Actor.System(SeedActor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await EnsureRolesAsync(db, cancellationToken);
        var program = await EnsureProgramAsync(db, cancellationToken);
        var units = await EnsureUnitsAsync(db, includeSamples ? [.. ProgramSource.Units, .. SampleData.Units] : ProgramSource.Units, cancellationToken);
        await EnsureMergersAsync(db, units, cancellationToken);
        var periods = await EnsurePeriodsAsync(db, program, cancellationToken);
        var added = (await EnsureItemsAsync(db, program, units, ProgramSource.Items, isSample: false, cancellationToken)).Count;
        await EnsureIndicatorAsync(db, ProgramSource.PciRank(program.Id), [], cancellationToken);
        if (includeSamples)
        {
            var samples = await EnsureItemsAsync(db, program, units, SampleData.Items, isSample: true, cancellationToken);
            await AddSampleHistoryAsync(db, program, units, periods, samples, cancellationToken);
            await EnsureIndicatorAsync(db, SampleData.TrainedWorkforce(program.Id, units["SLDTBXH"].Id), SampleData.TrainedWorkforceTargets, cancellationToken);
            added += samples.Count;
        }
        await db.SaveChangesAsync(cancellationToken);
        await SnapshotClosedPeriodsAsync(db, periods, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, ProgramSource.ProgramCode, added, includeSamples);
    }

    private static async Task EnsureRolesAsync(TrackerDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var role in Roles.All.Except(existing))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ActionProgram> EnsureProgramAsync(TrackerDbContext db, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Breakthroughs).Include(p => p.Groups).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Code == ProgramSource.ProgramCode, ct);
        if (program is null)
        {
            program = ProgramSource.Program();
            db.Programs.Add(program);
        }
        for (var i = 0; i < ProgramSource.Breakthroughs.Count; i++)
        {
            if (program.Breakthroughs.All(b => b.Ordinal != i + 1))
            {
                program.Breakthroughs.Add(new StrategicBreakthrough { Ordinal = i + 1, Title = ProgramSource.Breakthroughs[i] });
            }
        }
        foreach (var g in ProgramSource.Groups)
        {
            if (program.Groups.All(x => x.Ordinal != g.Ordinal))
            {
                program.Groups.Add(new SolutionGroup { Ordinal = g.Ordinal, Heading = g.Heading, Title = g.Title, Text = g.Text.Trim(), Source = ProgramSource.ArticleCitation });
            }
        }
        await db.SaveChangesAsync(ct);
        return program;
    }

    private static async Task<Dictionary<string, OrgUnit>> EnsureUnitsAsync(TrackerDbContext db, IEnumerable<UnitSeed> seeds, CancellationToken ct)
    {
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, ct);
        foreach (var s in seeds.Where(s => !units.ContainsKey(s.Code)))
        {
            var unit = new OrgUnit { Code = s.Code, Name = s.Name, ShortName = s.ShortName, Kind = s.Kind, ValidTo = s.ValidTo };
            db.OrgUnits.Add(unit);
            units[s.Code] = unit;
        }
        await db.SaveChangesAsync(ct);
        return units;
    }

    private static async Task EnsureMergersAsync(TrackerDbContext db, Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var existing = await db.UnitSuccessions.Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        foreach (var merger in ProgramSource.Mergers)
        {
            var successor = units[merger.Successor];
            foreach (var code in merger.Merged)
            {
                var predecessor = units[code];
                if (!existing.Any(e => e.PredecessorId == predecessor.Id && e.SuccessorId == successor.Id))
                {
                    db.UnitSuccessions.Add(new UnitSuccession { PredecessorId = predecessor.Id, SuccessorId = successor.Id, EffectiveOn = merger.EffectiveOn, Basis = merger.Basis });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Default periods by the 15th→14th rule, from the first one the Program could be reported in (the first
    /// whose window ends on or after the day it was issued) to the current year.
    /// </summary>
    private async Task<List<ReportingPeriod>> EnsurePeriodsAsync(TrackerDbContext db, ActionProgram program, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var periods = await db.Periods.Where(p => p.ProgramId == program.Id).ToListAsync(ct);
        var lastYear = Math.Max(program.TermEndYear + 1, today.Year);
        var wanted = new List<ReportingPeriod>();
        for (var year = program.IssuedOn.Year; year <= lastYear; year++)
        {
            for (var q = 1; q <= 4; q++)
            {
                wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.Quarter, year, q, program.TermStartYear, program.TermEndYear));
            }
            wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.HalfYear, year, 0, program.TermStartYear, program.TermEndYear));
            wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.NineMonths, year, 0, program.TermStartYear, program.TermEndYear));
            wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.Year, year, 0, program.TermStartYear, program.TermEndYear));
        }
        wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.MidTermReview, program.TermEndYear, 0, program.TermStartYear, program.TermEndYear));
        wanted.Add(ReportingPeriod.Default(program.Id, PeriodKind.EndOfTermReview, program.TermEndYear, 0, program.TermStartYear, program.TermEndYear));

        foreach (var period in wanted.Where(w => w.EndsOn >= program.IssuedOn && (program.ReportingEndedOn is not { } end || w.StartsOn <= end)).Where(w => !periods.Any(p => p.Kind == w.Kind && p.Year == w.Year && p.Number == w.Number)))
        {
            period.State = period.EndsOn < today ? PeriodState.Closed : period.StartsOn <= today ? PeriodState.Open : PeriodState.Planned;
            period.ClosedAt = period.State == PeriodState.Closed ? Utc(period.EndsOn.AddDays(1)) : null;
            period.ClosedBy = period.State == PeriodState.Closed ? SeedActor : null;
            db.Periods.Add(period);
            periods.Add(period);
        }
        await db.SaveChangesAsync(ct);
        return periods;
    }

    private async Task<List<(WorkItem Item, ItemSeed Seed)>> EnsureItemsAsync(
        TrackerDbContext db, ActionProgram program, Dictionary<string, OrgUnit> units, IReadOnlyList<ItemSeed> seeds, bool isSample, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = (await db.WorkItems.Where(i => i.ProgramId == program.Id).Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        var added = new List<(WorkItem, ItemSeed)>();
        for (var n = 0; n < seeds.Count; n++)
        {
            var seed = seeds[n];
            if (codes.Contains(seed.Code))
            {
                continue;
            }
            WorkItem item = seed.Kind == WorkItemKind.Document
                ? new RequiredDocument { Code = seed.Code, Title = seed.Title, DocumentType = seed.DocumentType, IssuingAuthority = seed.IssuingAuthority }
                : new TaskItem { Code = seed.Code, Title = seed.Title };
            item.ProgramId = program.Id;
            item.Ordinal = n + 1;
            item.IsSample = isSample;
            item.Origin = seed.Origin;
            item.SourceNote = seed.SourceNote;
            item.GroupId = program.Groups.SingleOrDefault(g => g.Ordinal == seed.Group)?.Id;
            item.BreakthroughId = program.Breakthroughs.SingleOrDefault(b => b.Ordinal == seed.Breakthrough)?.Id;
            item.SetOriginalDeadline(seed.Deadline, program.IssuedOn);
            item.DeadlineRevisions[0].RecordedAt = now; // recorded when seeded, never backdated to the Program's day
            item.DeadlineRevisions[0].RecordedBy = SeedActor;
            if (seed.Lead is not null)
            {
                item.Assignments.Add(new WorkItemAssignment { OrgUnit = units[seed.Lead], Role = AssignmentRole.Lead, StartsOn = program.IssuedOn });
            }
            foreach (var code in seed.Coordinating ?? [])
            {
                item.Assignments.Add(new WorkItemAssignment { OrgUnit = units[code], Role = AssignmentRole.Coordinating, StartsOn = program.IssuedOn });
            }
            db.WorkItems.Add(item);
            added.Add((item, seed));
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static async Task EnsureIndicatorAsync(TrackerDbContext db, Indicator indicator, IReadOnlyList<(int Year, decimal Target)> targets, CancellationToken ct)
    {
        if (await db.Indicators.AnyAsync(i => i.ProgramId == indicator.ProgramId && i.Code == indicator.Code, ct))
        {
            return;
        }
        indicator.Targets.AddRange(targets.Select(t => new IndicatorTarget { Year = t.Year, Target = t.Target }));
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Periods the seed starts as closed get the frozen record a real closing would have made.</summary>
    private static async Task SnapshotClosedPeriodsAsync(TrackerDbContext db, List<ReportingPeriod> periods, CancellationToken ct)
    {
        var done = (await db.PeriodSnapshots.Select(s => s.PeriodId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var period in periods.Where(p => p.State == PeriodState.Closed && !done.Contains(p.Id)).OrderBy(p => p.EndsOn))
        {
            await PeriodSnapshots.TakeAsync(db, period, period.ClosedAt ?? Utc(period.EndsOn.AddDays(1)), ct);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static DateTime Utc(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded program {ProgramCode}: {Added} items added (samples: {IncludeSamples})")]
    private static partial void LogSeeded(ILogger logger, string programCode, int added, bool includeSamples);
}
