using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Reporting;

public sealed record UnitWorkRow(ItemRow Item, AssignmentRole Role, string UnitName, int OpenExplanations, Urgency Urgency);

/// <summary>"Việc của đơn vị": what the actor's units lead or coordinate, most urgent first.</summary>
public sealed class UnitWorkService(IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitWorkRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UnitIds.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The program the first page shows; its items only, as there.
        var programId = await db.Programs.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (programId is null)
        {
            return [];
        }
        var units = actor.UnitIds.ToList();
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.EndsOn == null && units.Contains(a.OrgUnitId) && a.WorkItem!.ProgramId == programId)
            .Select(a => new { a.WorkItemId, a.Role, a.OrgUnit!.Name })
            .ToListAsync(ct);
        var explanations = await db.ExplanationRequests.AsNoTracking().Where(r => r.AnsweredAt == null && units.Contains(r.UnitId))
            .GroupBy(r => r.WorkItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var today = VietnamClock.Today(clock);
        var itemIds = assignments.Select(a => a.WorkItemId).ToHashSet();
        var rows = (await ItemStatusQuery.LoadAsync(db, programId.Value, today, itemIds, ct)).ToDictionary(i => i.Id);
        return [.. assignments
            .GroupBy(a => a.WorkItemId)
            .Where(g => rows.TryGetValue(g.Key, out var row) && row.State == ItemState.Active)
            .Select(g =>
            {
                var mine = g.OrderBy(a => a.Role).First(); // lead before coordinating
                var item = rows[g.Key];
                return new UnitWorkRow(item, mine.Role, mine.Name, explanations.GetValueOrDefault(g.Key), UrgencyOrder.Of(item.Status, today));
            })
            .MostUrgentFirst(r => r.Item, today)];
    }
}
