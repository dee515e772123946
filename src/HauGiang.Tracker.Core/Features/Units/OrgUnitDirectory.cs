using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Units;

public sealed record UnitSummary(
    int Id, string Code, string Name, string? ShortName, OrgUnitKind Kind, int? ParentId, DateOnly? ValidTo,
    IReadOnlyList<string> Successors, IReadOnlyList<string> Predecessors, int LeadCount, int CoordinatingCount, uint Version,
    DateOnly? ValidFrom = null, bool IsSample = false)
{
    public bool IsActiveOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>The responsible units, with their successors and how much current work each holds.</summary>
public sealed class OrgUnitDirectory(IDbContextFactory<TrackerDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Assignments.AsNoTracking()
            .Where(a => a.EndsOn == null)
            .GroupBy(a => new { a.OrgUnitId, a.Role })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Role, Count = g.Count() })
            .ToListAsync(ct);
        var successions = await db.UnitSuccessions.AsNoTracking()
            .Select(s => new { s.PredecessorId, s.SuccessorId, Predecessor = s.Predecessor!.Name, Successor = s.Successor!.Name })
            .ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return [.. units.Select(u => new UnitSummary(
            u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.ParentId, u.ValidTo,
            [.. successions.Where(s => s.PredecessorId == u.Id).Select(s => s.Successor)],
            [.. successions.Where(s => s.SuccessorId == u.Id).Select(s => s.Predecessor)],
            counts.Where(c => c.OrgUnitId == u.Id && c.Role == AssignmentRole.Lead).Sum(c => c.Count),
            counts.Where(c => c.OrgUnitId == u.Id && c.Role == AssignmentRole.Coordinating).Sum(c => c.Count), u.Version, u.ValidFrom, u.IsSample))];
    }
}
