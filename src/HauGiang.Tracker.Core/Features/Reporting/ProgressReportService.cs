using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
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
        report.Results = ReportRules.Clean(input.Results);
        report.Obstacles = ReportRules.Clean(input.Obstacles);
        report.Proposals = ReportRules.Clean(input.Proposals);
        report.NextSteps = ReportRules.Clean(input.NextSteps);
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

    private static ReportView? Head(List<ReportView> chain) => chain.SingleOrDefault(r => chain.All(o => o.CorrectsReportId != r.Id));

    private static OperationResult Conflict(ReportInput? seen, ProgressReport now) => ConcurrencyConflict.Describe(
    [
        ("Tỷ lệ hoàn thành", seen?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), now.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Kết quả đạt được", seen?.Results, now.Results), ("Khó khăn, vướng mắc", seen?.Obstacles, now.Obstacles),
        ("Đề xuất, kiến nghị", seen?.Proposals, now.Proposals), ("Nhiệm vụ, giải pháp tiếp theo", seen?.NextSteps, now.NextSteps),
        ("Ngày hoàn thành", seen?.AchievedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), now.AchievedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        ("Trạng thái", null, now.State == ReviewState.Submitted ? "đã gửi" : null),
    ]);
}
