using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Workbook;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Amendments;

public sealed record Redating(string Code, string NewDeadline);

/// <summary>An adjusting decision and everything it changes, recorded in one step.</summary>
public sealed record AmendmentInput(
    string DecisionNumber, DateOnly DecisionDate, string Title, string? Summary,
    IReadOnlyList<ItemInput> Added, IReadOnlyList<string> Dropped, IReadOnlyList<Redating> Redated);

public sealed record AmendmentChangeView(string? ItemCode, string? ItemTitle, AmendmentChangeKind Kind, string Description, string? Before, string? After);

public sealed record AmendmentView(int Id, string DecisionNumber, DateOnly DecisionDate, string Title, string? Summary, DateTime RecordedAt, string? RecordedBy,
    IReadOnlyList<AmendmentChangeView> Changes);

/// <summary>
/// Records a Kết luận "điều chỉnh, bổ sung": new items, dropped items and new deadlines, each listed on
/// the amendment and on the item, with every earlier deadline kept.
/// </summary>
public sealed class AmendmentService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<IReadOnlyList<AmendmentView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var amendments = await db.Amendments.AsNoTracking().Include(a => a.Changes).ThenInclude(c => c.WorkItem)
            .OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id).ToListAsync(ct);
        return [.. amendments.Select(a => new AmendmentView(a.Id, a.DecisionNumber, a.DecisionDate, a.Title, a.Summary, a.RecordedAt, a.RecordedBy,
            [.. a.Changes.OrderBy(c => c.Id).Select(c => new AmendmentChangeView(c.WorkItem?.Code, c.WorkItem?.Title, c.Kind, c.Description, c.Before, c.After))]))];
    }

    public async Task<OperationResult> RecordAsync(Actor actor, AmendmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, input.DecisionNumber, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var decisionNumber = (input.DecisionNumber ?? "").Trim();
        db.AuditReason = $"Theo {decisionNumber} ngày {input.DecisionDate:dd/MM/yyyy}";
        var context = await ProgramContext.LoadAsync(db, ct);
        var errors = new ValidationErrors();
        errors.Add(nameof(input.DecisionNumber), StructureRules.RequiredText(input.DecisionNumber, TextLimits.Code * 2, "số văn bản điều chỉnh"));
        errors.Add(nameof(input.DecisionNumber), await db.Amendments.AnyAsync(a => a.ProgramId == context.Program.Id && a.DecisionNumber == decisionNumber, ct) ? $"Văn bản {input.DecisionNumber} đã được ghi nhận." : null);
        errors.Add(nameof(input.Title), StructureRules.RequiredText(input.Title, TextLimits.Line, "trích yếu văn bản điều chỉnh"));
        errors.Add(nameof(input.Summary), StructureRules.TextProblem(input.Summary, TextLimits.Paragraph, "tóm tắt"));
        errors.Add(nameof(input.DecisionDate), input.DecisionDate < context.Program.IssuedOn ? $"Văn bản điều chỉnh không thể trước ngày ban hành Chương trình ({context.Program.IssuedOn:dd/MM/yyyy})." : null);
        errors.Add(nameof(input.DecisionDate), input.DecisionDate > context.Today ? "Ngày văn bản điều chỉnh không được sau hôm nay." : null);
        errors.Add(OperationResult.FormKey, input.Added.Count + input.Dropped.Count + input.Redated.Count == 0 ? "Văn bản điều chỉnh cần ít nhất một thay đổi: thêm, bỏ hoặc điều chỉnh thời hạn." : null);

        var touched = input.Dropped.Concat(input.Redated.Select(r => r.Code)).ToList();
        errors.Add(OperationResult.FormKey, touched.Distinct().Count() != touched.Count ? "Một mục chỉ được bỏ hoặc điều chỉnh thời hạn một lần trong cùng văn bản." : null);
        var deadlines = new Dictionary<string, Deadline>();
        for (var i = 0; i < input.Added.Count; i++)
        {
            errors.AddAll($"Added[{i}].", ItemRules.Validate(context, input.Added[i], null, out var deadline));
            errors.Add($"Added[{i}].Code", input.Added.Take(i).Any(a => a.Code == input.Added[i].Code) ? $"Mã {input.Added[i].Code} bị trùng trong văn bản." : null);
            deadlines[input.Added[i].Code] = deadline;
        }
        for (var i = 0; i < input.Dropped.Count; i++)
        {
            errors.Add($"Dropped[{i}]", !context.Items.TryGetValue(input.Dropped[i], out var item) ? $"Không có mục mã {input.Dropped[i]}." : null);
            errors.Add($"Dropped[{i}]", item?.State == ItemState.Dropped ? $"Mục {input.Dropped[i]} đã bỏ từ trước." : null);
        }
        for (var i = 0; i < input.Redated.Count; i++)
        {
            var redating = input.Redated[i];
            if (!context.Items.TryGetValue(redating.Code, out var item))
            {
                errors.Add($"Redated[{i}].Code", $"Không có mục mã {redating.Code}.");
                continue;
            }
            errors.Add($"Redated[{i}].Code", item.State == ItemState.Dropped ? $"Mục {redating.Code} đã bỏ, không điều chỉnh thời hạn được." : null);
            var (deadline, problem) = StructureRules.ReadDeadline(redating.NewDeadline, context.FirstYear, context.LastYear);
            errors.Add($"Redated[{i}].NewDeadline", problem);
            errors.Add($"Redated[{i}].NewDeadline", problem is null && deadline.Kind == DeadlineKind.Unspecified ? "Nhập thời hạn mới." : null);
            errors.Add($"Redated[{i}].NewDeadline", problem is null && deadline == item.Deadline ? $"Thời hạn mới của {redating.Code} trùng thời hạn hiện hành." : null);
            deadlines[redating.Code] = deadline;
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var amendment = new Amendment
        {
            ProgramId = context.Program.Id,
            DecisionNumber = decisionNumber,
            DecisionDate = input.DecisionDate,
            Title = (input.Title ?? "").Trim(),
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(),
            RecordedAt = db.Clock.GetUtcNow().UtcDateTime,
            RecordedBy = actor.UserName,
        };
        db.Amendments.Add(amendment);
        await db.SaveChangesAsync(ct);

        foreach (var added in input.Added)
        {
            WorkItem item = added.Kind == WorkItemKind.Document ? new RequiredDocument { Code = "", Title = "" } : new TaskItem { Code = "", Title = "" };
            item.ProgramId = context.Program.Id;
            item.Ordinal = context.Items.Count + 1;
            ItemRules.Apply(context, item, added);
            item.AddedByAmendmentId = amendment.Id;
            item.Origin = ItemOrigin.Amendment;
            item.SourceNote = null;
            item.SetOriginalDeadline(deadlines[added.Code], input.DecisionDate);
            ItemRules.Stamp(item.DeadlineRevisions[0], actor, db.Clock);
            db.WorkItems.Add(item);
            context.Items[item.Code] = item;
            amendment.Changes.Add(new AmendmentChange { WorkItem = item, Kind = AmendmentChangeKind.Added, Description = $"Bổ sung {item.Code}", After = $"{item.Title} — thời hạn: {Describe(item.Deadline)}" });
            await db.SaveChangesAsync(ct); // one at a time, so the changes list in the order the decision gives them
        }
        foreach (var code in input.Dropped)
        {
            var item = context.Items[code];
            amendment.Changes.Add(new AmendmentChange { WorkItem = item, Kind = AmendmentChangeKind.Dropped, Description = $"Bỏ {item.Code}", Before = WorkbookLayout.States[item.State], After = WorkbookLayout.States[ItemState.Dropped] });
            item.State = ItemState.Dropped;
            item.DroppedByAmendmentId = amendment.Id;
            await db.SaveChangesAsync(ct);
        }
        foreach (var redating in input.Redated)
        {
            var item = context.Items[redating.Code];
            await db.Entry(item).Collection(i => i.DeadlineRevisions).LoadAsync(ct);
            var before = item.Deadline;
            var revision = item.AdjustDeadline(deadlines[redating.Code], new AdjustmentBasis(amendment.DecisionNumber, amendment.DecisionDate, AmendmentId: amendment.Id));
            ItemRules.Stamp(revision, actor, db.Clock);
            amendment.Changes.Add(new AmendmentChange { WorkItem = item, Kind = AmendmentChangeKind.Redated, Description = $"Điều chỉnh thời hạn {item.Code}", Before = Describe(before), After = Describe(item.Deadline) });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OperationResult.Success;
    }

    private static string Describe(Deadline deadline) => deadline.ToString();
}
