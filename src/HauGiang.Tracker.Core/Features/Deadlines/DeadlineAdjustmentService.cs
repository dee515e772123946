using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Deadlines;

public sealed record DeadlineAdjustmentInput(string NewDeadline, string BasisNumber, DateOnly? BasisDate, string? Note);

/// <summary>The monitoring office (or an administrator) records a new deadline with the decision it rests on; every earlier one stays.</summary>
public sealed class DeadlineAdjustmentService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<OperationResult> AdjustAsync(Actor actor, int itemId, uint version, DeadlineAdjustmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.AdjustDeadline, null, $"mục {itemId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var item = await db.WorkItems.Include(i => i.DeadlineRevisions).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == item.ProgramId, ct);
        var today = VietnamClock.Today(db.Clock);
        var errors = new ValidationErrors();
        var (deadline, problem) = StructureRules.ReadDeadline(input.NewDeadline, program.IssuedOn.Year, program.TermEndYear);
        errors.Add(nameof(input.NewDeadline), problem);
        errors.Add(nameof(input.NewDeadline), problem is null && deadline.Kind == DeadlineKind.Unspecified ? "Nhập thời hạn mới." : null);
        errors.Add(nameof(input.NewDeadline), problem is null && deadline.Kind != DeadlineKind.Unspecified && deadline == item.Deadline ? "Thời hạn mới trùng thời hạn hiện hành." : null);
        errors.Add(nameof(input.BasisNumber), TextLimits.IsBlank(input.BasisNumber) ? "Nhập số văn bản làm căn cứ điều chỉnh." : null);
        errors.Add(nameof(input.BasisNumber), (input.BasisNumber?.Length ?? 0) > TextLimits.Code * 2 ? $"Số văn bản không quá {TextLimits.Code * 2} ký tự." : null);
        errors.Add(nameof(input.BasisDate), input.BasisDate is null ? "Nhập ngày của văn bản làm căn cứ." : null);
        errors.Add(nameof(input.BasisDate), input.BasisDate > today ? "Ngày văn bản căn cứ không được sau hôm nay." : null);
        errors.Add(nameof(input.BasisDate), input.BasisDate < program.IssuedOn ? $"Ngày văn bản căn cứ không được trước ngày ban hành Chương trình ({program.IssuedOn:dd/MM/yyyy})." : null);
        errors.Add(nameof(input.BasisDate), input.BasisDate is { } d && item.DeadlineRevisions.Count > 0 && d < item.DeadlineRevisions.Max(r => r.EffectiveOn)
            ? "Đã có lần điều chỉnh sau ngày này; văn bản căn cứ phải cùng ngày hoặc sau lần điều chỉnh gần nhất." : null);
        errors.Add(nameof(input.Note), (input.Note?.Length ?? 0) > TextLimits.Paragraph ? $"Ghi chú không quá {TextLimits.Paragraph} ký tự." : null);
        errors.Add(OperationResult.FormKey, item.State != ItemState.Active ? "Mục này đã đóng hoặc đã bỏ." : null);
        if (item.Version != version)
        {
            errors.Add(OperationResult.FormKey, "Mục này vừa được người khác thay đổi (có thể vừa điều chỉnh thời hạn); tải lại để xem.");
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var basis = input.BasisNumber!.Trim();
        db.AuditReason = $"Điều chỉnh thời hạn theo {basis} ngày {input.BasisDate:dd/MM/yyyy}";
        var revision = item.AdjustDeadline(deadline, new AdjustmentBasis(basis, input.BasisDate!.Value, TextLimits.IsBlank(input.Note) ? null : input.Note.Trim()));
        ItemRules.Stamp(revision, actor, db.Clock);
        return await db.SaveAtVersionAsync(item, version, "Mục này vừa được người khác thay đổi; tải lại để xem.", ct);
    }
}
