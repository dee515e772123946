using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Status;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Units;

/// <summary>
/// What a merger does to the work: open items, staff and indicators of the merged units pass to the successor
/// from the effective day; items completed before it, past reports and verdicts stay with the unit that was
/// responsible then. Shared by the administrator's merger and the seeder's recorded reorganisations.
/// </summary>
internal static class WorkTransfer
{
    public static async Task<MergerOutcome> MoveAsync(
        TrackerDbContext db, IReadOnlyList<OrgUnit> merged, OrgUnit successor, DateOnly effectiveOn, string basis, CancellationToken ct)
    {
        var lastDay = effectiveOn.AddDays(-1);
        var completed = new HashSet<int>();
        foreach (var programId in await db.Programs.Select(p => p.Id).ToListAsync(ct))
        {
            completed.UnionWith(await CompletionQuery.CompletedByAsync(db, programId, lastDay, ct));
        }
        var mergedIds = merged.Select(u => u.Id).ToHashSet();
        var assignments = await db.Assignments.Include(a => a.WorkItem)
            .Where(a => mergedIds.Contains(a.OrgUnitId) && a.EndsOn == null).ToListAsync(ct);
        // The successor's open assignments, kept current as this loop adds to them (two merged units may
        // both coordinate one item: the successor takes it over once).
        var successorOpen = await db.Assignments.Where(a => a.OrgUnitId == successor.Id && a.EndsOn == null).ToListAsync(ct);
        int moved = 0, kept = 0;
        foreach (var assignment in assignments)
        {
            if (completed.Contains(assignment.WorkItemId) || assignment.WorkItem!.State != ItemState.Active)
            {
                kept++;
                continue;
            }
            var from = merged.Single(u => u.Id == assignment.OrgUnitId);
            var existing = successorOpen.Where(a => a.WorkItemId == assignment.WorkItemId && a.EndsOn == null).ToList();
            foreach (var other in existing.Where(e => e.Role != AssignmentRole.Lead && assignment.Role == AssignmentRole.Lead))
            {
                other.EndsOn = lastDay; // the coordinating successor becomes the lead
            }
            if (assignment.StartsOn > lastDay)
            {
                assignment.OrgUnitId = successor.Id;
                successorOpen.Add(assignment);
            }
            else
            {
                assignment.EndsOn = lastDay;
                if (!existing.Any(e => e.EndsOn == null && (e.Role == assignment.Role || e.Role == AssignmentRole.Lead)))
                {
                    var takenOver = new WorkItemAssignment
                    {
                        WorkItemId = assignment.WorkItemId,
                        OrgUnitId = successor.Id,
                        Role = assignment.Role,
                        StartsOn = effectiveOn,
                        Note = $"Tiếp nhận từ {from.Name} ({basis})",
                    };
                    db.Assignments.Add(takenOver);
                    successorOpen.Add(takenOver);
                }
            }
            moved++;
        }
        var members = await db.UserUnits.Where(m => mergedIds.Contains(m.OrgUnitId)).ToListAsync(ct);
        var alreadyIn = await db.UserUnits.Where(m => m.OrgUnitId == successor.Id).Select(m => m.UserId).ToListAsync(ct);
        db.UserUnits.RemoveRange(members);
        db.UserUnits.AddRange(members.Select(m => m.UserId).Distinct().Except(alreadyIn).Select(id => new UserUnit { UserId = id, OrgUnitId = successor.Id }));
        foreach (var indicator in await db.Indicators.Where(i => i.ResponsibleUnitId != null && mergedIds.Contains(i.ResponsibleUnitId.Value)).ToListAsync(ct))
        {
            indicator.ResponsibleUnitId = successor.Id;
        }
        return new MergerOutcome(moved, kept, members.Select(m => m.UserId).Distinct().Count());
    }
}
