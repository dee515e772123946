using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Documents;

/// <summary>What the unit records when its document is issued.</summary>
public sealed record IssuanceInput(string NumberSymbol, DateOnly? IssuedOn, string? IssuingAuthority, string? Abstract, string? Signer, EvidenceFile? File);

/// <summary>An issuance judged against the deadline in force and, after an adjustment, the original.</summary>
public sealed record IssuanceVerdict(ProgressAxis AgainstInForce, DateOnly? DueInForce, ProgressAxis? AgainstOriginal, DateOnly? OriginalDue);

/// <summary>An issued document of the program, as a report may cite it for evidence.</summary>
public sealed record IssuedDocumentChoice(int Id, string Code, string? NumberSymbol, DateOnly? IssuedOn, string Title, bool IsSample = false)
{
    // The sample label stays beside the number, never inside it: the number itself keeps its issuer's form.
    public string Label => $"{NumberSymbol}{(IsSample ? " (mẫu)" : "")} ({IssuedOn:dd/MM/yyyy}) · {Code} {Title}";
}

/// <summary>A document goes from drafting to signature to issuance; its lead unit records each step.</summary>
public sealed class DocumentService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    private const string ConflictMessage = "Văn bản vừa được người khác cập nhật; tải lại để xem.";
    private const string InactiveMessage = "Văn bản này đã đóng hoặc đã bỏ theo văn bản điều chỉnh; không cập nhật thêm.";

    /// <summary>The issued documents of the program, to cite as evidence.</summary>
    public async Task<IReadOnlyList<IssuedDocumentChoice>> IssuedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Documents.AsNoTracking().Where(d => d.Stage == DocumentStage.Issued && d.State != ItemState.Dropped).OrderBy(d => d.Code)
            .Select(d => new IssuedDocumentChoice(d.Id, d.Code, d.NumberSymbol, d.IssuedOn, d.Title, d.IsSample)).ToListAsync(ct);
    }

    /// <summary>Moves the document's lifecycle forward (never back, never to "issued": that needs the issuance).</summary>
    public async Task<OperationResult> AdvanceAsync(Actor actor, int documentId, uint version, DocumentStage stage, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return OperationResult.Form("Không tìm thấy văn bản này.");
        }
        await guard.DemandAsync(actor, Operation.RecordIssuance, await ItemScope.OfAsync(db, documentId, ct), document.Code, ct);
        if (document.State != ItemState.Active)
        {
            return OperationResult.Form(InactiveMessage);
        }
        if (!DocumentLifecycle.MayMoveByHand(document.Stage, stage))
        {
            return OperationResult.Fail("Stage", "Chỉ chuyển văn bản sang bước tiếp theo: đang soạn thảo, rồi trình ký. Ban hành được ghi nhận cùng số, ngày ban hành.");
        }
        if (document.Version != version)
        {
            return OperationResult.Form(ConflictMessage);
        }
        document.Stage = stage;
        return await db.SaveAtVersionAsync(document, version, ConflictMessage, ct);
    }

    /// <summary>Records the issuance and returns its verdict against the deadlines.</summary>
    public async Task<(OperationResult Result, IssuanceVerdict? Verdict)> RecordIssuanceAsync(Actor actor, int documentId, uint version, IssuanceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return (OperationResult.Form("Không tìm thấy văn bản này."), null);
        }
        await guard.DemandAsync(actor, Operation.RecordIssuance, await ItemScope.OfAsync(db, documentId, ct), document.Code, ct);
        if (document.State != ItemState.Active)
        {
            return (OperationResult.Form(InactiveMessage), null);
        }
        if (document.IssuanceConfirmedAt is not null)
        {
            // The office confirmed this issuance; changing it would silently undo that confirmation.
            return (OperationResult.Form($"Văn bản đã được Văn phòng theo dõi xác nhận ban hành ngày {VietnamClock.DayOf(document.IssuanceConfirmedAt.Value):dd/MM/yyyy}; không ghi nhận lại được. Nếu thông tin sai, đề nghị Văn phòng theo dõi xử lý."), null);
        }
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == document.ProgramId, ct);
        var today = VietnamClock.Today(db.Clock);
        var errors = new ValidationErrors();
        errors.Add(nameof(input.NumberSymbol), TextLimits.IsBlank(input.NumberSymbol) ? DocumentNumber.EmptyMessage : null);
        errors.Add(nameof(input.NumberSymbol), (input.NumberSymbol?.Length ?? 0) > TextLimits.Code * 2 ? $"Số, ký hiệu không quá {TextLimits.Code * 2} ký tự." : null);
        var numberRead = DocumentNumber.TryParse(input.NumberSymbol, out var number, out var numberProblem);
        errors.Add(nameof(input.NumberSymbol), numberRead ? null : numberProblem);
        errors.Add(nameof(input.IssuedOn), input.IssuedOn is null ? "Nhập ngày ban hành." : null);
        errors.Add(nameof(input.IssuedOn), input.IssuedOn > today ? "Ngày ban hành không được sau hôm nay." : null);
        errors.Add(nameof(input.IssuedOn), input.IssuedOn < program.IssuedOn ? $"Ngày ban hành không được trước ngày ban hành Chương trình ({program.IssuedOn:dd/MM/yyyy})." : null);
        errors.Add(nameof(input.IssuingAuthority), (input.IssuingAuthority?.Length ?? 0) > TextLimits.Name ? $"Cấp ban hành không quá {TextLimits.Name} ký tự." : null);
        errors.Add(nameof(input.Abstract), TextLimits.IsBlank(input.Abstract) ? "Nhập trích yếu văn bản." : null);
        errors.Add(nameof(input.Abstract), (input.Abstract?.Length ?? 0) > TextLimits.Paragraph ? $"Trích yếu không quá {TextLimits.Paragraph} ký tự." : null);
        errors.Add(nameof(input.Signer), (input.Signer?.Length ?? 0) > TextLimits.Name ? $"Người ký không quá {TextLimits.Name} ký tự." : null);
        if (input.File is not null)
        {
            var (problem, _) = EvidenceRules.Check(input.File);
            errors.Add(nameof(input.File), problem);
        }
        if (document.Version != version)
        {
            errors.Add(OperationResult.FormKey, ConflictMessage);
        }
        if (errors.Any)
        {
            return (errors.ToResult(), null);
        }
        document.Stage = DocumentStage.Issued;
        document.NumberSymbol = number.ToString();
        document.IssuedOn = input.IssuedOn;
        document.IssuingAuthority = TextLimits.IsBlank(input.IssuingAuthority) ? document.IssuingAuthority : input.IssuingAuthority.Trim();
        document.Abstract = input.Abstract!.Trim();
        document.Signer = TextLimits.IsBlank(input.Signer) ? null : input.Signer.Trim();
        document.IssuanceConfirmedAt = null;
        document.IssuanceConfirmedBy = null;
        if (input.File is not null)
        {
            document.IssuedFile = new StoredFile { Content = input.File.Content };
            document.IssuedFileName = EvidenceRules.SafeName(input.File.FileName);
        }
        var result = await db.SaveAtVersionAsync(document, version, ConflictMessage, ct);
        return (result, result.Succeeded ? Verdict(document, document.IssuedOn!.Value) : null);
    }

    /// <summary>On time or late, against the deadline in force and, when it was adjusted, the original.</summary>
    public static IssuanceVerdict Verdict(WorkItem item, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(item);
        var inForce = item.Deadline.HasDueDate ? item.Deadline.DueDateOn(issuedOn) : null;
        var original = item.OriginalDeadline.HasDueDate ? item.OriginalDeadline.DueDateOn(issuedOn) : null;
        return new IssuanceVerdict(StatusEvaluator.Judge(inForce, issuedOn, issuedOn), inForce,
            item.OriginalDeadline == item.Deadline ? null : StatusEvaluator.Judge(original, issuedOn, issuedOn), original);
    }
}
