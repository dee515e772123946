using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// The real units and their successions: who leads an item on a day, and the assignment rows a merger
/// leaves (the old one ended the day before, the successor's opened on the day, as WorkTransfer does).
/// </summary>
internal sealed class UnitHistory
{
    private readonly List<OrgUnit> _units;
    private readonly Dictionary<int, UnitSuccession> _next;

    private UnitHistory(List<OrgUnit> units, List<UnitSuccession> successions)
    {
        _units = units;
        _next = successions.GroupBy(s => s.PredecessorId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.EffectiveOn).First());
    }

    public static async Task<UnitHistory> LoadAsync(TrackerDbContext db, CancellationToken ct) =>
        new(await db.OrgUnits.AsNoTracking().Where(u => !u.IsSample).OrderBy(u => u.Id).ToListAsync(ct),
            await db.UnitSuccessions.AsNoTracking().ToListAsync(ct));

    public OrgUnit Unit(int id) => _units.First(u => u.Id == id);

    /// <summary>A unit that existed on the day, picked by the generator's random.</summary>
    public OrgUnit PickActiveOn(DateOnly day, Random random)
    {
        var active = _units.Where(u => u.IsActiveOn(day)).ToList();
        return active[random.Next(active.Count)];
    }

    public int HolderOn(int unitId, DateOnly day)
    {
        while (_next.TryGetValue(unitId, out var succession) && succession.EffectiveOn <= day)
        {
            unitId = succession.SuccessorId;
        }
        return unitId;
    }

    /// <summary>The unit's responsibility from <paramref name="start"/>, passed down every succession since.</summary>
    public IEnumerable<WorkItemAssignment> Assign(WorkItem item, int unitId, AssignmentRole role, DateOnly start)
    {
        unitId = HolderOn(unitId, start);
        var current = new WorkItemAssignment { WorkItemId = item.Id, OrgUnitId = unitId, Role = role, StartsOn = start };
        while (_next.TryGetValue(current.OrgUnitId, out var succession))
        {
            current.EndsOn = succession.EffectiveOn.AddDays(-1);
            yield return current;
            current = new WorkItemAssignment
            {
                WorkItemId = item.Id,
                OrgUnitId = succession.SuccessorId,
                Role = role,
                StartsOn = succession.EffectiveOn,
                Note = $"Tiếp nhận từ {Unit(succession.PredecessorId).Name} ({succession.Basis})",
            };
        }
        yield return current;
    }
}
