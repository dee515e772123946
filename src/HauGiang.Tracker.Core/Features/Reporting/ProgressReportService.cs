using System.Security.Cryptography;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// Units report progress: a draft, then a submission the monitoring office confirms or returns. A period
/// that has closed is frozen: its reports change only through a correction, shown as such.
/// </summary>
public sealed class ProgressReportService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>The form for the actor's unit on an item and a period (the current one when none is given).</summary>
    public async Task<ReportForm?> OpenAsync(Actor actor, int itemId, int? periodId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return null;
        }
        var (unitId, contribution) = await ItemScope.DemandReportingRoleAsync(actor, await ItemScope.OfAsync(db, itemId, ct), guard, item.Code, ct);
        var periods = await db.Periods.AsNoTracking().Where(p => p.ProgramId == item.ProgramId && p.State != PeriodState.Planned)
            .OrderByDescending(p => p.EndsOn).ThenBy(p => p.StartsOn)
            .Select(p => new PeriodChoice(p.Id, p.Label, p.StartsOn, p.EndsOn, p.State)).ToListAsync(ct);
        var today = VietnamClock.Today(db.Clock);
        var period = periods.FirstOrDefault(p => p.Id == periodId)
            ?? periods.Where(p => p.State == PeriodState.Open && p.StartsOn <= today).OrderBy(p => p.EndsOn.DayNumber - p.StartsOn.DayNumber).FirstOrDefault()
            ?? periods.FirstOrDefault();
        var unitName = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        if (period is null)
        {
            return new ReportForm(item.Id, item.Code, item.Title, item.Kind, contribution, unitName, periods, new PeriodChoice(0, "", default, default, PeriodState.Planned), null, null,
                "Chưa có kỳ báo cáo nào đang mở. Liên hệ quản trị viên để mở kỳ báo cáo.");
        }
        var chain = await ReportQueries.LoadAsync(db, db.Reports.Where(r => r.WorkItemId == itemId && r.PeriodId == period.Id && r.ReportingUnitId == unitId), ct);
        var head = Head(chain);
        var blocked = ReportRules.Blocked(head?.State, head?.CorrectsReportId is not null, period.State);
        var corrected = head?.CorrectsReportId is { } c ? chain.SingleOrDefault(r => r.Id == c) : null;
        return new ReportForm(item.Id, item.Code, item.Title, item.Kind, contribution, unitName, periods, period, head, corrected, blocked);
    }

    /// <summary>
    /// Saves the actor's unit's report for the period as a draft, or submits it. Starting from a confirmed
    /// report makes a correction of it. <paramref name="version"/> and <paramref name="seen"/> are the report
    /// as the person opened it (null for a new one).
    /// </summary>
    public async Task<(OperationResult Result, int? ReportId)> SaveAsync(Actor actor, ReportInput input, uint? version, ReportInput? seen, bool submit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == input.ItemId, ct);
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PeriodId, ct);
        if (item is null || period is null || period.ProgramId != item.ProgramId)
        {
            return (OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản hoặc kỳ báo cáo này."), null);
        }
        var (unitId, contribution) = await ItemScope.DemandReportingRoleAsync(actor, await ItemScope.OfAsync(db, item.Id, ct), guard, item.Code, ct);
        if (item.State != ItemState.Active)
        {
            return (OperationResult.Form("Mục này đã đóng hoặc đã bỏ; không báo cáo thêm."), null);
        }
        if (period.State == PeriodState.Planned)
        {
            return (OperationResult.Fail(nameof(input.PeriodId), "Kỳ báo cáo chưa mở."), null);
        }

        var chain = await db.Reports.Include(r => r.Evidence).Where(r => r.WorkItemId == item.Id && r.PeriodId == period.Id && r.ReportingUnitId == unitId).ToListAsync(ct);
        var head = chain.SingleOrDefault(r => chain.All(o => o.CorrectsReportId != r.Id));
        if (ReportRules.Blocked(head?.State, head?.CorrectsReportId is not null, period.State) is { } blocked)
        {
            // With no report yet, the only refusal is the closed period: it is said next to the period.
            return (OperationResult.Fail(head is null ? nameof(input.PeriodId) : OperationResult.FormKey, blocked), null);
        }
        ProgressReport report;
        if (head is null)
        {
            report = new ProgressReport { WorkItemId = item.Id, PeriodId = period.Id, ReportingUnitId = unitId, IsContribution = contribution, CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName };
            db.Reports.Add(report);
        }
        else if (head.State == ReviewState.Confirmed)
        {
            // Changing what was confirmed is a correction: the confirmed report stays as it was until the correction is confirmed.
            report = new ProgressReport
            {
                WorkItemId = item.Id,
                PeriodId = period.Id,
                ReportingUnitId = unitId,
                IsContribution = contribution,
                CorrectsReportId = head.Id,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor.UserName,
            };
            // The correction starts from the confirmed evidence; the unit adds or removes from there.
            foreach (var e in head.Evidence)
            {
                report.Evidence.Add(new Evidence
                {
                    Kind = e.Kind,
                    Description = e.Description,
                    FileName = e.FileName,
                    ContentType = e.ContentType,
                    SizeBytes = e.SizeBytes,
                    Sha256 = e.Sha256,
                    StoredFileId = e.StoredFileId,
                    DocumentId = e.DocumentId,
                    Url = e.Url,
                });
            }
            db.Reports.Add(report);
        }
        else
        {
            report = head;
            // A person who opened an empty form (version null) while a colleague saved a draft is refused too:
            // saving would overwrite the colleague's text.
            if (version != report.Version)
            {
                return (Conflict(seen, report), null);
            }
        }

        var errors = ReportRules.Validate(input, period, VietnamClock.Today(db.Clock), submit, report.Evidence.Count);
        if (errors.Any)
        {
            return (errors.ToResult(), null);
        }
        report.Percent = input.Percent;
        report.Results = Clean(input.Results);
        report.Obstacles = Clean(input.Obstacles);
        report.Proposals = Clean(input.Proposals);
        report.NextSteps = Clean(input.NextSteps);
        report.AchievedOn = input.Percent == CompletionRule.Complete ? input.AchievedOn : null;
        if (submit)
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            report.ReviewEvents.Add(new ReviewEvent { FromState = report.State, ToState = ReviewState.Submitted, At = now, By = actor.UserName });
            report.State = ReviewState.Submitted;
            report.SubmittedAt = now;
            report.SubmittedBy = actor.UserName;
        }
        var saved = await db.SaveUnlessConflictAsync(async _ =>
            {
                await using var fresh = await dbFactory.CreateDbContextAsync(ct);
                return Conflict(seen, await fresh.Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id, ct));
            },
            "Người khác trong đơn vị vừa tạo báo cáo cho kỳ này trước bạn. Tải lại để xem rồi sửa tiếp.", ct);
        return (saved, saved.Succeeded ? report.Id : null);
    }

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
                Description = Clean(description),
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
            report.Evidence.Add(new Evidence { Kind = EvidenceKind.Link, Url = uri.AbsoluteUri, Description = Clean(description) });
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

    private static ReportView? Head(List<ReportView> chain) => chain.SingleOrDefault(r => chain.All(o => o.CorrectsReportId != r.Id));

    private static OperationResult Conflict(ReportInput? seen, ProgressReport now) => ConcurrencyConflict.Describe(
    [
        ("Tỷ lệ hoàn thành", seen?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), now.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Kết quả đạt được", seen?.Results, now.Results), ("Khó khăn, vướng mắc", seen?.Obstacles, now.Obstacles),
        ("Đề xuất, kiến nghị", seen?.Proposals, now.Proposals), ("Nhiệm vụ, giải pháp tiếp theo", seen?.NextSteps, now.NextSteps),
        ("Ngày hoàn thành", seen?.AchievedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), now.AchievedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        ("Trạng thái", null, now.State == ReviewState.Submitted ? "đã gửi" : null),
    ]);

    private static string? Clean(string? text) => TextLimits.IsBlank(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
