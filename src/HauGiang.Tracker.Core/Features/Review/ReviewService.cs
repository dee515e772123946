using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Review;

public sealed record ReviewQueueRow(int ReportId, uint Version, int ItemId, string ItemCode, string ItemTitle, string UnitName, string PeriodLabel, int Percent,
    bool IsCorrection, bool IsContribution, int EvidenceCount, DateTime SubmittedAt, string? SubmittedBy);

public sealed record IssuanceQueueRow(int DocumentId, uint Version, string Code, string Title, string? NumberSymbol, DateOnly? IssuedOn, string? LeadUnit, bool IsSample = false);

/// <summary>The monitoring office confirms submitted reports and issuances, or returns reports to the unit with a reason.</summary>
public sealed class ReviewService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<IReadOnlyList<ReviewQueueRow>> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReviewReport, null, "hàng chờ xác nhận", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Reports.AsNoTracking().Where(r => r.State == ReviewState.Submitted)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new ReviewQueueRow(r.Id, r.Version, r.WorkItemId, r.WorkItem!.Code, r.WorkItem.Title, r.ReportingUnit!.Name, r.Period!.Label, r.Percent,
                r.CorrectsReportId != null, r.IsContribution, r.Evidence.Count, r.SubmittedAt!.Value, r.SubmittedBy))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<IssuanceQueueRow>> IssuancesAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReviewReport, null, "văn bản chờ xác nhận", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Documents.AsNoTracking().Where(d => d.Stage == DocumentStage.Issued && d.IssuanceConfirmedAt == null && d.State == ItemState.Active)
            .OrderBy(d => d.IssuedOn)
            .Select(d => new IssuanceQueueRow(d.Id, d.Version, d.Code, d.Title, d.NumberSymbol, d.IssuedOn,
                d.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null).Select(a => a.OrgUnit!.Name).FirstOrDefault(), d.IsSample))
            .ToListAsync(ct);
    }

    /// <summary>Confirms a submitted report, or returns it to the unit with a reason. A confirmed correction replaces the report it corrects.</summary>
    public async Task<OperationResult> ReviewAsync(Actor actor, int reportId, uint version, bool confirm, string? note, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReviewReport, null, $"báo cáo {reportId}", ct);
        if (!confirm && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Nêu lý do trả lại để đơn vị biết cần sửa gì.");
        }
        if ((note?.Length ?? 0) > TextLimits.Paragraph)
        {
            return OperationResult.Fail("Note", $"Ý kiến không quá {TextLimits.Paragraph} ký tự.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.AuditReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var report = await db.Reports.Include(r => r.Evidence).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return OperationResult.Form("Không tìm thấy báo cáo này.");
        }
        if (report.Version != version || report.State != ReviewState.Submitted)
        {
            return OperationResult.Form(report.State == ReviewState.Submitted
                ? "Báo cáo vừa được thay đổi; tải lại để xem bản mới."
                : "Báo cáo này đã được xác nhận hoặc trả lại trước đó; tải lại để xem.");
        }
        if (confirm && report.Percent == CompletionRule.Complete && report.Evidence.Count == 0)
        {
            return OperationResult.Form("Báo cáo 100% chưa có minh chứng; không xác nhận hoàn thành được. Hãy trả lại để đơn vị bổ sung.");
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var to = confirm ? ReviewState.Confirmed : ReviewState.Returned;
        report.ReviewEvents.Add(new ReviewEvent { FromState = report.State, ToState = to, At = now, By = actor.UserName, Note = db.AuditReason });
        report.State = to;
        report.ReviewedAt = now;
        report.ReviewedBy = actor.UserName;
        report.ReviewNote = db.AuditReason;
        if (confirm && report.CorrectsReportId is { } corrected)
        {
            (await db.Reports.SingleAsync(r => r.Id == corrected, ct)).SupersededById = report.Id;
        }
        return await db.SaveAtVersionAsync(report, version, "Báo cáo vừa được người khác xác nhận hoặc trả lại; tải lại để xem.", ct);
    }

    /// <summary>Confirms a recorded issuance: from now the document counts as done on its issue date.</summary>
    public async Task<OperationResult> ConfirmIssuanceAsync(Actor actor, int documentId, uint version, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReviewReport, null, $"văn bản {documentId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || document.Stage != DocumentStage.Issued)
        {
            return OperationResult.Form("Văn bản chưa được ghi nhận ban hành.");
        }
        if (document.Version != version || document.IssuanceConfirmedAt is not null)
        {
            return OperationResult.Form("Văn bản vừa được thay đổi hoặc đã xác nhận; tải lại để xem.");
        }
        document.IssuanceConfirmedAt = db.Clock.GetUtcNow().UtcDateTime;
        document.IssuanceConfirmedBy = actor.UserName;
        return await db.SaveAtVersionAsync(document, version, "Văn bản vừa được người khác thay đổi; tải lại để xem.", ct);
    }
}
