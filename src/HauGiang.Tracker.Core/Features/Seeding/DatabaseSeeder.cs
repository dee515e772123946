using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Units;
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
        var units = await EnsureUnitsAsync(db, ProgramSource.Units, isSample: false, cancellationToken);
        if (includeSamples)
        {
            units = await EnsureUnitsAsync(db, SampleData.Units, isSample: true, cancellationToken);
        }
        var mergers = SeededMergers(includeSamples);
        await EnsureMergersAsync(db, units, mergers, cancellationToken);
        var periods = await EnsurePeriodsAsync(db, program, cancellationToken);
        var added = (await EnsureItemsAsync(db, program, units, ProgramSource.Items, isSample: false, cancellationToken)).Count;
        await EnsureIndicatorAsync(db, ProgramSource.PciRank(program.Id), [], cancellationToken);
        if (includeSamples)
        {
            var samples = await EnsureItemsAsync(db, program, units, SampleData.Items, isSample: true, cancellationToken);
            await AddSampleHistoryAsync(db, program, units, periods, samples, mergers, cancellationToken);
            await EnsureIndicatorAsync(db, SampleData.TrainedWorkforce(program.Id, units[HolderOn("SLDTBXH", mergers, DateOnly.MaxValue)].Id), SampleData.TrainedWorkforceTargets, cancellationToken);
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

    private static async Task<Dictionary<string, OrgUnit>> EnsureUnitsAsync(TrackerDbContext db, IEnumerable<UnitSeed> seeds, bool isSample, CancellationToken ct)
    {
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, ct);
        foreach (var s in seeds)
        {
            if (units.TryGetValue(s.Code, out var existing))
            {
                // Earlier versions did not flag sample units; the flag is not editable, so setting it touches no administrator's work.
                existing.IsSample |= isSample;
                continue;
            }
            var unit = new OrgUnit { Code = s.Code, Name = s.Name, ShortName = s.ShortName, Kind = s.Kind, ValidFrom = s.ValidFrom, ValidTo = s.ValidTo, IsSample = isSample };
            db.OrgUnits.Add(unit);
            units[s.Code] = unit;
        }
        await db.SaveChangesAsync(ct);
        return units;
    }

    /// <summary>The seeded successions in the order they took effect, so work follows the whole chain.</summary>
    private static List<MergerSeed> SeededMergers(bool includeSamples) =>
        [.. (includeSamples ? ProgramSource.Mergers.Concat(SampleData.Mergers) : ProgramSource.Mergers).OrderBy(m => m.EffectiveOn)];

    /// <summary>The unit holding <paramref name="code"/>'s work on <paramref name="day"/>, following the seeded successions in force then.</summary>
    private static string HolderOn(string code, IReadOnlyList<MergerSeed> mergers, DateOnly day) =>
        mergers.Where(m => m.EffectiveOn <= day).Aggregate(code, (current, m) => m.Merged.Contains(current) ? m.Successor : current);

    /// <summary>
    /// Adds the seeded successions that are missing and, with each, moves the predecessor's open work, staff and
    /// indicators as a recorded merger would (a database seeded by an earlier version gets the 2025 reorganisation
    /// this way). A predecessor's missing end date is filled only together with its newly added succession: an
    /// end date already there is the administrator's (or an earlier seed's) and is kept, and a unit that already
    /// has a succession on that day was handled by an administrator, so the seed adds nothing for it.
    /// </summary>
    private static async Task EnsureMergersAsync(TrackerDbContext db, Dictionary<string, OrgUnit> units, IReadOnlyList<MergerSeed> mergers, CancellationToken ct)
    {
        var existing = await db.UnitSuccessions.Select(s => new { s.PredecessorId, s.SuccessorId, s.EffectiveOn }).ToListAsync(ct);
        foreach (var merger in mergers)
        {
            if (!units.TryGetValue(merger.Successor, out var successor))
            {
                continue;
            }
            var added = new List<OrgUnit>();
            foreach (var code in merger.Merged)
            {
                if (!units.TryGetValue(code, out var predecessor)
                    || existing.Any(e => e.PredecessorId == predecessor.Id && (e.SuccessorId == successor.Id || e.EffectiveOn == merger.EffectiveOn)))
                {
                    continue;
                }
                predecessor.ValidTo ??= merger.EffectiveOn.AddDays(-1);
                db.UnitSuccessions.Add(new UnitSuccession { PredecessorId = predecessor.Id, SuccessorId = successor.Id, EffectiveOn = merger.EffectiveOn, Basis = merger.Basis });
                added.Add(predecessor);
            }
            if (added.Count > 0)
            {
                await WorkTransfer.MoveAsync(db, added, successor, merger.EffectiveOn, merger.Basis, ct);
                await db.SaveChangesAsync(ct);
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
