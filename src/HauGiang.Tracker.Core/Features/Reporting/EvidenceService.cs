using System.Security.Cryptography;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// The evidence of a report (files, issued documents, links): only the unit that made the report changes it,
/// and only while the report is a draft or has been returned.
/// </summary>
public sealed class EvidenceService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Attaches a file to a draft or returned report of the actor's unit.</summary>
    public Task<OperationResult> AddFileAsync(Actor actor, int reportId, EvidenceFile file, string? description, CancellationToken ct = default) =>
        EditEvidenceAsync(actor, reportId, ct, (db, report) =>
        {
            var (problem, contentType) = EvidenceRules.Check(file);
            problem ??= EvidenceRules.CheckDescription(description);
            if (problem is not null)
            {
                return Task.FromResult<OperationResult?>(OperationResult.Fail("Evidence", problem));
            }
            var stored = new StoredFile { Content = file.Content };
            db.StoredFiles.Add(stored);
            report.Evidence.Add(new Evidence
            {
                Kind = EvidenceKind.File,
                FileName = EvidenceRules.SafeName(file.FileName),
                ContentType = contentType,
                SizeBytes = file.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                StoredFile = stored,
                Description = ReportRules.Clean(description),
            });
            return Task.FromResult<OperationResult?>(null);
        });

    /// <summary>Gives an issued document of the program as evidence.</summary>
    public Task<OperationResult> AddDocumentAsync(Actor actor, int reportId, int documentId, CancellationToken ct = default) =>
        EditEvidenceAsync(actor, reportId, ct, async (db, report) =>
        {
            var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct);
            if (document is null || document.Stage != DocumentStage.Issued)
            {
                return OperationResult.Fail("Evidence", "Chỉ dẫn được văn bản đã ban hành (có số, ký hiệu và ngày ban hành).");
            }
            report.Evidence.Add(new Evidence { Kind = EvidenceKind.IssuedDocument, DocumentId = document.Id, Description = $"Văn bản số {document.NumberSymbol}" });
            return null;
        });

    /// <summary>Gives a web address as evidence (a published decision, a news item …).</summary>
    public Task<OperationResult> AddLinkAsync(Actor actor, int reportId, string url, string? description, CancellationToken ct = default) =>
        EditEvidenceAsync(actor, reportId, ct, (_, report) =>
        {
            var trimmed = (url ?? "").Trim();
            if (trimmed.Length > 2000 || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                return Task.FromResult<OperationResult?>(OperationResult.Fail("Evidence", "Đường dẫn phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://."));
            }
            if (EvidenceRules.CheckDescription(description) is { } problem)
            {
                return Task.FromResult<OperationResult?>(OperationResult.Fail("Evidence", problem));
            }
            report.Evidence.Add(new Evidence { Kind = EvidenceKind.Link, Url = uri.AbsoluteUri, Description = ReportRules.Clean(description) });
            return Task.FromResult<OperationResult?>(null);
        });

    public async Task<OperationResult> RemoveEvidenceAsync(Actor actor, int evidenceId, CancellationToken ct = default)
    {
        int? reportId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            reportId = await db.Evidence.Where(e => e.Id == evidenceId).Select(e => (int?)e.ReportId).SingleOrDefaultAsync(ct);
        }
        if (reportId is null)
        {
            return OperationResult.Form("Không tìm thấy minh chứng này.");
        }
        return await EditEvidenceAsync(actor, reportId.Value, ct, (_, report) =>
        {
            var evidence = report.Evidence.Single(e => e.Id == evidenceId);
            report.Evidence.Remove(evidence);
            return Task.FromResult<OperationResult?>(null);
        });
    }

    private async Task<OperationResult> EditEvidenceAsync(Actor actor, int reportId, CancellationToken ct, Func<TrackerDbContext, ProgressReport, Task<OperationResult?>> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var report = await db.Reports.Include(r => r.Evidence).Include(r => r.Period).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return OperationResult.Form("Không tìm thấy báo cáo này.");
        }
        var role = await ItemScope.DemandReportingRoleAsync(actor, await ItemScope.OfAsync(db, report.WorkItemId, ct), guard, $"báo cáo {reportId}", ct);
        if (role.UnitId != report.ReportingUnitId)
        {
            // Only the unit that made the report, while it still leads or coordinates the item, changes its evidence.
            return OperationResult.Form("Báo cáo này là của đơn vị khác (hoặc đơn vị không còn được giao mục này); không sửa minh chứng được.");
        }
        if (report.State is not (ReviewState.Draft or ReviewState.Returned))
        {
            return OperationResult.Fail("Evidence", "Báo cáo đã gửi; không thêm hay bỏ minh chứng được nữa.");
        }
        if (ReportRules.Blocked(report.State, report.CorrectsReportId is not null, report.Period!.State) is { } blocked)
        {
            return OperationResult.Form(blocked);
        }
        if (await db.WorkItems.Where(i => i.Id == report.WorkItemId).Select(i => i.State).SingleAsync(ct) != ItemState.Active)
        {
            return OperationResult.Form("Mục này đã đóng hoặc đã bỏ; không báo cáo thêm.");
        }
        if (await change(db, report) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }
}
