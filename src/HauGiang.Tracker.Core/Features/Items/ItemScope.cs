using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Items;

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

    /// <summary>The actor's reporting role on the item; a refusal (logged) when the actor reports for no unit of it.</summary>
    public static async Task<(int UnitId, bool IsContribution)> DemandReportingRoleAsync(Actor actor, UnitScope scope, AccessGuard guard, string target, CancellationToken ct)
    {
        if (ReportingRole(actor, scope) is { } role)
        {
            return role;
        }
        await guard.DemandAsync(actor, Operation.ReportProgress, scope, target, ct);
        throw new AccessDeniedException(Operation.ReportProgress, "Không có quyền báo cáo mục này."); // DemandAsync has refused already
    }
}
