using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Administration;

/// <summary>One item as its editor shows it, with the version the save must match.</summary>
public sealed record ItemEditorData(int Id, uint Version, ItemInput Input, AssignmentInput Assignment, IReadOnlyList<MilestoneInput> Milestones,
    bool DeadlineAdjusted, int ReportCount, ItemState State);

/// <summary>
/// Administrators keep the program's items true: create, correct, assign and set milestones. Closing and
/// deleting are <see cref="ItemRetirement"/>'s; the rules every item passes are <see cref="ItemRules"/>.
/// </summary>
public sealed class StructureEditor(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
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
            document?.DocumentType ?? DocumentType.Other, document?.IssuingAuthority, item.Origin, item.SourceNote);
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
            return ItemConflict.Describe(seen, now.Input);
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
        return await db.SaveAtVersionAsync(item, version, ex => ConcurrencyConflict.DescribeAsync(ex, ItemConflict.Labels, ct), ct);
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
        return await db.SaveUnlessConflictAsync(ItemConflict.Labels, ct);
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
        return await db.SaveUnlessConflictAsync(ItemConflict.Labels, ct);
    }
}
