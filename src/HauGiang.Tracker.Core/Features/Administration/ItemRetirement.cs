using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Administration;

/// <summary>
/// Takes an item out of the open work: closing keeps it in the history; deleting is refused once an item
/// has reports, children or an amendment's record (it is closed, or dropped by an amendment, instead).
/// </summary>
public sealed class ItemRetirement(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Deletes an item nobody has reported on; otherwise says why not and what to do instead.</summary>
    public async Task<OperationResult> DeleteItemAsync(Actor actor, int itemId, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"mục {itemId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var item = await db.WorkItems.Include(i => i.Assignments).Include(i => i.DeadlineRevisions).Include(i => i.Milestones)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        var reports = await db.Reports.CountAsync(r => r.WorkItemId == itemId, ct);
        if (reports > 0)
        {
            return OperationResult.Form($"Không thể xóa {item.Code}: đã có {reports} báo cáo tiến độ. Hãy đóng mục này, hoặc ghi nhận việc bỏ mục theo văn bản điều chỉnh.");
        }
        if (await db.WorkItems.AnyAsync(i => i.ParentId == itemId, ct))
        {
            return OperationResult.Form($"Không thể xóa {item.Code}: còn nhiệm vụ con. Hãy xóa hoặc chuyển các nhiệm vụ con trước.");
        }
        if (await db.Set<AmendmentChange>().AnyAsync(c => c.WorkItemId == itemId, ct))
        {
            return OperationResult.Form($"Không thể xóa {item.Code}: mục này có trong lịch sử điều chỉnh Chương trình. Hãy đóng mục này.");
        }
        db.WorkItems.Remove(item);
        return await db.SaveUnlessConflictAsync(ItemConflict.Labels, ct);
    }

    /// <summary>Closes (or reopens) an item: it stays in the history but stops counting as open work.</summary>
    public async Task<OperationResult> SetClosedAsync(Actor actor, int itemId, bool closed, string? reason, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"mục {itemId}", ct);
        if (closed && string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Fail("Reason", "Nhập lý do đóng mục này.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.AuditReason = reason?.Trim();
        var item = await db.WorkItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        if (item.State == ItemState.Dropped)
        {
            return OperationResult.Form("Mục này đã bỏ theo văn bản điều chỉnh, không đóng hay mở lại được.");
        }
        item.State = closed ? ItemState.Closed : ItemState.Active;
        return await db.SaveUnlessConflictAsync(ItemConflict.Labels, ct);
    }
}
