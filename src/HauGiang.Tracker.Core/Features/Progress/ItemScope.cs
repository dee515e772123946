using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Progress;

/// <summary>The units answering for an item now, for the permission rules.</summary>
internal static class ItemScope
{
    public static async Task<UnitScope> OfAsync(TrackerDbContext db, int itemId, CancellationToken ct)
    {
        var current = await db.Assignments.AsNoTracking().Where(a => a.WorkItemId == itemId && a.EndsOn == null)
            .Select(a => new { a.OrgUnitId, a.Role }).ToListAsync(ct);
        return new UnitScope(current.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.OrgUnitId,
            current.Where(a => a.Role == AssignmentRole.Coordinating).Select(a => a.OrgUnitId).ToHashSet());
    }

    /// <summary>The unit the actor reports for on this item, and whether as lead or as a contribution; null when neither.</summary>
    public static (int UnitId, bool IsContribution)? ReportingRole(Actor actor, UnitScope scope)
    {
        if (AccessPolicy.Allows(actor, Operation.ReportProgress, scope))
        {
            return (scope.LeadUnitId!.Value, false);
        }
        if (AccessPolicy.Allows(actor, Operation.AddContribution, scope))
        {
            return (scope.CoordinatingUnitIds.First(actor.UnitIds.Contains), true);
        }
        return null;
    }
}
