using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Indicators;

public sealed record IndicatorSummary(int Id, IndicatorInput Input, bool IsSample, string? ResponsibleUnitName);

/// <summary>The program's indicators with their yearly targets, as forms and lists show them.</summary>
public sealed class IndicatorDirectory(IDbContextFactory<TrackerDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<IndicatorSummary> Indicators, int FirstYear, int LastYear)> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProgramId == program.Id).ToDictionaryAsync(g => g.Id, g => g.Ordinal, ct);
        var breakthroughs = await db.Breakthroughs.AsNoTracking().Where(b => b.ProgramId == program.Id).ToDictionaryAsync(b => b.Id, b => b.Ordinal, ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => i.ProgramId == program.Id).OrderBy(i => i.Code).ToListAsync(ct);
        return ([.. indicators.Select(i => new IndicatorSummary(i.Id,
            new IndicatorInput(i.Code, i.Name, i.Measure, i.Direction, i.ResponsibleUnitId is { } u ? units[u].Code : null,
                i.GroupId is { } g ? groups[g] : null, i.BreakthroughId is { } b ? breakthroughs[b] : null, i.Description,
                i.Targets.ToDictionary(t => t.Year, t => IndicatorAdministration.FormatTarget(t))),
            i.IsSample, i.ResponsibleUnitId is { } r ? units[r].Name : null))], program.TermStartYear, program.TermEndYear);
    }
}
