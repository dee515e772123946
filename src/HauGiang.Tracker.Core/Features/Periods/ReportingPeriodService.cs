using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Periods;

public sealed record PeriodSummary(int Id, uint Version, PeriodKind Kind, int Year, string Label, DateOnly StartsOn, DateOnly EndsOn, PeriodState State, int ReportCount, DateTime? ClosedAt, string? ClosedBy);

/// <summary>Whether the program is still reported on after its term, and if not since when and on what basis.</summary>
public sealed record ProgramReporting(uint Version, int TermEndYear, DateOnly? EndedOn, string? EndedBy, string? Basis);

/// <summary>The reporting periods of the program and how many reports each holds.</summary>
public sealed class ReportingPeriodService(IDbContextFactory<TrackerDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PeriodSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Reports.AsNoTracking()
            .Where(r => r.SupersededById == null)
            .GroupBy(r => r.PeriodId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var periods = await db.Periods.AsNoTracking()
            .OrderByDescending(p => p.EndsOn).ThenBy(p => p.StartsOn)
            .ToListAsync(ct);
        return [.. periods.Select(p => new PeriodSummary(p.Id, p.Version, p.Kind, p.Year, p.Label, p.StartsOn, p.EndsOn, p.State, counts.GetValueOrDefault(p.Id), p.ClosedAt, p.ClosedBy))];
    }

    public async Task<ProgramReporting?> ProgramReportingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Programs.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new ProgramReporting(p.Version, p.TermEndYear, p.ReportingEndedOn, p.ReportingEndedBy, p.ReportingEndBasis))
            .FirstOrDefaultAsync(ct);
    }
}
