using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Administration;

/// <summary>One item as its editor shows it, with the version the save must match.</summary>
public sealed record ItemEditorData(int Id, uint Version, ItemInput Input, AssignmentInput Assignment, IReadOnlyList<MilestoneInput> Milestones,
    bool DeadlineAdjusted, int ReportCount, ItemState State);

/// <summary>
/// Administrators keep the program's items true: create, correct, assign, close; deleting is refused
/// once an item has reports (it is closed, or dropped by an amendment, instead).
/// </summary>
public sealed class StructureEditor(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(WorkItem.Code)] = "Mã",
        [nameof(WorkItem.Title)] = "Nội dung",
        [nameof(WorkItem.Description)] = "Mô tả",
        [nameof(WorkItem.ParentId)] = "Nhiệm vụ cha",
        [nameof(WorkItem.BreakthroughId)] = "Đột phá",
        [nameof(WorkItem.GroupId)] = "Nhóm",
        [nameof(WorkItem.Weight)] = "Trọng số",
        [nameof(WorkItem.ResponsiblePerson)] = "Cá nhân phụ trách",
        [nameof(WorkItem.StartsOn)] = "Ngày bắt đầu",
        [nameof(WorkItem.State)] = "Tình trạng",
    };

    public async Task<ItemEditorData?> GetAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkItems.AsNoTracking()
            .Include(i => i.Parent).Include(i => i.Breakthrough).Include(i => i.Group).Include(i => i.Milestones)
            .Include(i => i.Assignments.Where(a => a.EndsOn == null)).ThenInclude(a => a.OrgUnit)
            .Include(i => i.DeadlineRevisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return null;
        }
        var document = item as RequiredDocument;
        var input = new ItemInput(item.Kind, item.Code, item.Title, item.Description, item.Parent?.Code, item.Breakthrough?.Ordinal, item.Group?.Ordinal,
            DeadlineParser.Format(item.OriginalDeadline), item.StartsOn, item.Weight, item.ResponsiblePerson,
            document?.DocumentType ?? DocumentType.Other, document?.IssuingAuthority);
        var assignment = new AssignmentInput(
            item.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.OrgUnit!.Code,
            [.. item.Assignments.Where(a => a.Role == AssignmentRole.Coordinating).Select(a => a.OrgUnit!.Code)],
            item.ResponsiblePerson);
        var reports = await db.Reports.CountAsync(r => r.WorkItemId == itemId, ct);
        return new ItemEditorData(item.Id, item.Version, input, assignment,
            [.. item.Milestones.OrderBy(m => m.Ordinal).Select(m => new MilestoneInput(m.Ordinal, m.Title, m.DueDate, m.CompletedOn, m.Note))],
            item.DeadlineRevisions.Count > 1, reports, item.State);
    }

    public async Task<OperationResult> CreateItemAsync(Actor actor, ItemInput input, AssignmentInput? assignment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, input.Code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var context = await ProgramContext.LoadAsync(db, ct);
        var errors = ItemRules.Validate(context, input, existing: null, out var deadline);
        if (assignment is not null)
        {
            ItemRules.ValidateAssignment(context, assignment, errors);
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }
        WorkItem item = input.Kind == WorkItemKind.Document ? new RequiredDocument { Code = "", Title = "" } : new TaskItem { Code = "", Title = "" };
        item.ProgramId = context.Program.Id;
        item.Ordinal = context.Items.Count + 1;
        ItemRules.Apply(context, item, input);
        item.SetOriginalDeadline(deadline, context.Today);
        ItemRules.Stamp(item.DeadlineRevisions[0], actor, db.Clock);
        if (assignment is not null)
        {
            ItemRules.Assign(context, item, assignment);
        }
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }

    /// <summary>
    /// Saves an edit of the version the person opened (<paramref name="version"/>, with the values they saw in
    /// <paramref name="seen"/>); if someone saved in between, refuses and names what they changed. With an
    /// <paramref name="assignment"/>, the units change in the same save: all of it, or none.
    /// </summary>
    public async Task<OperationResult> UpdateItemAsync(Actor actor, int itemId, uint version, ItemInput seen, ItemInput input, AssignmentInput? assignment = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, input.Code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var context = await ProgramContext.LoadAsync(db, ct);
        var item = context.Items.Values.SingleOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        if (item.Version != version && await GetAsync(itemId, ct) is { } now)
        {
            return Conflict(seen, now.Input);
        }
        await db.Entry(item).Collection(i => i.DeadlineRevisions).LoadAsync(ct);
        var errors = ItemRules.Validate(context, input, item, out var deadline);
        if (assignment is not null)
        {
            ItemRules.ValidateAssignment(context, assignment, errors);
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        ItemRules.Apply(context, item, input);
        if (deadline != item.OriginalDeadline)
        {
            // No adjustment yet: the original was entered wrong and is corrected in place.
            item.CorrectOriginalDeadline(deadline);
        }
        if (assignment is not null)
        {
            await db.Entry(item).Collection(i => i.Assignments).LoadAsync(ct);
            ItemRules.Assign(context, item, assignment); // changes only what differs
        }
        return await SaveAsync(db, ct);
    }

    public async Task<OperationResult> SetAssignmentAsync(Actor actor, int itemId, AssignmentInput assignment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"mục {itemId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var context = await ProgramContext.LoadAsync(db, ct);
        var item = context.Items.Values.SingleOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        var errors = new ValidationErrors();
        ItemRules.ValidateAssignment(context, assignment, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await db.Entry(item).Collection(i => i.Assignments).LoadAsync(ct);
        ItemRules.Assign(context, item, assignment);
        return await SaveAsync(db, ct);
    }

    public async Task<OperationResult> SaveMilestonesAsync(Actor actor, int itemId, IReadOnlyList<MilestoneInput> milestones, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"mục {itemId}", ct);
        var errors = ItemRules.ValidateMilestones(milestones);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var item = await db.WorkItems.Include(i => i.Milestones).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        ItemRules.SyncMilestones(item, milestones);
        return await SaveAsync(db, ct);
    }

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
        return await SaveAsync(db, ct);
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
        return await SaveAsync(db, ct);
    }

    private static OperationResult Conflict(ItemInput seen, ItemInput now) => ConcurrencyConflict.Describe(
    [
        ("Mã", seen.Code, now.Code), ("Nội dung", seen.Title, now.Title), ("Mô tả", seen.Description, now.Description),
        ("Nhiệm vụ cha", seen.ParentCode, now.ParentCode), ("Đột phá", seen.BreakthroughOrdinal?.ToString(CultureInfo.InvariantCulture), now.BreakthroughOrdinal?.ToString(CultureInfo.InvariantCulture)),
        ("Nhóm", seen.GroupOrdinal?.ToString(CultureInfo.InvariantCulture), now.GroupOrdinal?.ToString(CultureInfo.InvariantCulture)), ("Thời hạn", seen.Deadline, now.Deadline),
        ("Ngày bắt đầu", seen.StartsOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), now.StartsOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        ("Trọng số", seen.Weight.ToString("0.##", CultureInfo.InvariantCulture), now.Weight.ToString("0.##", CultureInfo.InvariantCulture)),
        ("Cấp ban hành", seen.IssuingAuthority, now.IssuingAuthority),
    ]);

    private static async Task<OperationResult> SaveAsync(TrackerDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return await ConcurrencyConflict.DescribeAsync(ex, Labels, ct);
        }
    }
}
