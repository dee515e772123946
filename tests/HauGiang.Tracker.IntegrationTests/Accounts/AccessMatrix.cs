using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.Units;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;
using static HauGiang.Tracker.Core.Domain.Access.Operation;
using static HauGiang.Tracker.IntegrationTests.Accounts.MatrixScene;
using Exports = HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// How to call a method that takes an actor: the operation it must demand (null: open to every signed-in
/// user), the unit that leads its target ("own unit"; with <paramref name="Coordinating"/>, the unit that
/// coordinates it instead), and an arranging step that returns the call itself.
/// </summary>
/// <paramref name="Owner"/>, when given, is the unit the policy is asked about instead (a file of that unit's
/// draft, called by the staff of <paramref name="Unit"/>, which leads the item, and of another unit).
public sealed record MatrixEntry(Operation? Operation, string Unit, Func<MatrixScene, Task<Func<Actor, Task>>> Prepare, bool Coordinating = false, string? Owner = null);

/// <summary>
/// Every public service method that takes an actor, keyed "Type.Method", each with valid arguments for a target
/// that Sở GD&amp;ĐT thành phố Cần Thơ leads (NV-04, taken over on 01/07/2025) unless it says otherwise. One line each, so a method that moves to another class
/// is re-pointed by editing its key and its call.
/// </summary>
public static class AccessMatrix
{
    private const string Lead = "CT-SGDDT";

    /// <summary>Coordinates NV-03, which Thành ủy Cần Thơ leads (taken over from Ban Tổ chức Tỉnh ủy on 01/07/2025).</summary>
    private const string Contributor = "CT-SNV";

    public static readonly IReadOnlyDictionary<string, MatrixEntry> Entries = new Dictionary<string, MatrixEntry>
    {
        ["UserAdministrationService.ListAsync"] = Call(ManageUsers, (s, a) => s.Get<UserAdministrationService>().ListAsync(a, Ct)),
        ["UserAdministrationService.CreateAsync"] = Call(ManageUsers, (s, a) => s.Get<UserAdministrationService>().CreateAsync(a, new UserInput("moi@thu.local", "Người mới", [Roles.Leader], []), TestUsers.Password, Ct)),
        ["UserAdministrationService.UpdateAsync"] = After(ManageUsers, s => s.AccountAsync(), (s, u, a) => s.Get<UserAdministrationService>().UpdateAsync(a, u.Id, new UserInput(u.Email, "Tên đã sửa", [Roles.Auditor], []), u.ConcurrencyStamp, Ct)),
        ["UserAdministrationService.SetDisabledAsync"] = After(ManageUsers, s => s.AccountAsync(), (s, u, a) => s.Get<UserAdministrationService>().SetDisabledAsync(a, u.Id, true, Ct)),
        ["UserAdministrationService.ResetPasswordAsync"] = After(ManageUsers, s => s.AccountAsync(), (s, u, a) => s.Get<UserAdministrationService>().ResetPasswordAsync(a, u.Id, "Một mật khẩu mới rất dài 2027", Ct)),
        ["UserAdministrationService.RoleSecurityAsync"] = Call(ManageUsers, (s, a) => s.Get<UserAdministrationService>().RoleSecurityAsync(a, Ct)),
        ["UserAdministrationService.SetTwoFactorRequiredAsync"] = Call(ManageUsers, (s, a) => s.Get<UserAdministrationService>().SetTwoFactorRequiredAsync(a, Roles.Leader, true, Ct)),

        ["AuditTrailService.SearchAsync"] = Call(ReadAuditTrail, (s, a) => s.Get<AuditTrailService>().SearchAsync(a, new AuditFilter(), 0, 10, Ct)),
        ["AuditTrailService.PeopleAsync"] = Call(ReadAuditTrail, (s, a) => s.Get<AuditTrailService>().PeopleAsync(a, Ct)),
        ["AuditTrailService.ItemsAsync"] = Call(ReadAuditTrail, (s, a) => s.Get<AuditTrailService>().ItemsAsync(a, Ct)),
        ["AuditTrailService.ExportAsync"] = Call(ReadAuditTrail, (s, a) => DrainAsync(s.Get<AuditTrailService>().ExportAsync(a, new AuditFilter(), Ct))),
        ["AuditVerifier.VerifyAsync"] = Call(ReadAuditTrail, (s, a) => s.Get<AuditVerifier>().VerifyAsync(a, Ct)),

        ["PeriodAdministration.GenerateYearAsync"] = Call(ManagePeriods, (s, a) => s.Get<PeriodAdministration>().GenerateYearAsync(a, 2027, Ct)),
        ["PeriodAdministration.OpenAsync"] = After(ManagePeriods, s => s.PlannedPeriodAsync(), (s, p, a) => s.Get<PeriodAdministration>().OpenAsync(a, p.Id, p.Version, Ct)),
        ["PeriodAdministration.CloseAsync"] = After(ManagePeriods, s => s.CurrentPeriodAsync(), (s, p, a) => s.Get<PeriodAdministration>().CloseAsync(a, p.Id, p.Version, Ct)),
        ["PeriodAdministration.EndReportingAsync"] = After(ManagePeriods, s => s.ProgramReadyToEndAsync(), (s, v, a) => s.Get<PeriodAdministration>().EndReportingAsync(a, v, new DateOnly(2026, 11, 27), "Báo cáo tổng kết số 12-BC/TU", Ct)),
        ["ReviewExportService.ExportAsync"] = After(ExportReview, s => s.CurrentPeriodAsync(), (s, p, a) => s.Get<Exports.ReviewExportService>().ExportAsync(a,
            new Exports.ReviewReportRequest(p.ProgramId, p.Id, null, null, ItemFilter.Real), Exports.ReportFormat.Csv, new MemoryStream(), null, Ct)),
        ["PeriodAdministration.AdjustWindowAsync"] = After(ManagePeriods, s => s.CurrentPeriodAsync(), (s, p, a) => s.Get<PeriodAdministration>().AdjustWindowAsync(a, p.Id, p.Version, p.StartsOn, p.EndsOn.AddDays(-1), Ct)),

        // A person's own notices: the actor only chooses whose. The matrix's actors have no account, so opening (nothing to
        // open) and saving preferences (no account to hold them) can only show that nobody is refused; NoticeScannerTests
        // and MailDigestTests show what they do.
        ["NoticeService.UnreadCountAsync"] = Open(s => Task.FromResult(0), (s, _, a) => s.Get<NoticeService>().UnreadCountAsync(a, Ct)),
        ["NoticeService.ListAsync"] = Open(s => Task.FromResult(0), (s, _, a) => s.Get<NoticeService>().ListAsync(a, false, 0, Ct)),
        ["NoticeService.OpenAsync"] = Open(s => Task.FromResult(0L), (s, id, a) => Discard(s.Get<NoticeService>().OpenAsync(a, id, Ct))),
        ["NoticeService.MarkReadAsync"] = Open(s => Task.FromResult(0L), (s, id, a) => s.Get<NoticeService>().MarkReadAsync(a, id, Ct)),
        ["NoticeService.MarkAllReadAsync"] = Open(s => Task.FromResult(0), (s, _, a) => s.Get<NoticeService>().MarkAllReadAsync(a, Ct)),
        ["NoticeService.PreferencesAsync"] = Open(s => Task.FromResult(0), (s, _, a) => s.Get<NoticeService>().PreferencesAsync(a, Ct)),
        ["NoticeService.SavePreferencesAsync"] = Open(s => Task.FromResult(0), (s, _, a) => Discard(s.Get<NoticeService>().SavePreferencesAsync(a, new NoticePreferencesInput(true, false, []), null, Ct))),
        ["MailQueueService.ListAsync"] = Call(ManageUsers, (s, a) => s.Get<MailQueueService>().ListAsync(a, null, 0, Ct)),
        ["MailQueueService.RetryAsync"] = After(ManageUsers, FailedMailAsync, (s, id, a) => s.Get<MailQueueService>().RetryAsync(a, id, Ct)),

        ["HolidayService.ListYearAsync"] = Open(s => Task.FromResult(2027), (s, y, a) => s.Get<HolidayService>().ListYearAsync(a, y, Ct)),
        ["HolidayService.AddAsync"] = Call(ManageHolidays, (s, a) => s.Get<HolidayService>().AddAsync(a, 2027, new HolidayInput(new DateOnly(2027, 6, 15), "Ngày nghỉ thêm"), Ct)),
        ["HolidayService.UpdateAsync"] = After(ManageHolidays, s => FirstHolidayAsync(s, 2027), (s, h, a) => s.Get<HolidayService>().UpdateAsync(a, h.Id, h.Version, new HolidayInput(h.Date, "Tên đã sửa"), Ct)),
        ["HolidayService.RemoveAsync"] = After(ManageHolidays, s => FirstHolidayAsync(s, 2027), (s, h, a) => s.Get<HolidayService>().RemoveAsync(a, h.Id, h.Version, Ct)),
        ["HolidayService.RestoreDefaultsAsync"] = Call(ManageHolidays, (s, a) => s.Get<HolidayService>().RestoreDefaultsAsync(a, 2027, Ct)),

        ["StructureEditor.CreateItemAsync"] = Call(ManageStructure, (s, a) => s.Get<StructureEditor>().CreateItemAsync(a, new ItemInput(WorkItemKind.Task, "NV-01.9", "Khảo sát nhu cầu đào tạo nghề", ParentCode: "NV-01", Deadline: "30/09/2027"), null, Ct)),
        ["StructureEditor.UpdateItemAsync"] = After(ManageStructure, async s => (await s.Get<StructureEditor>().GetAsync((await s.ItemAsync("NV-02")).Id, Ct))!, (s, d, a) => s.Get<StructureEditor>().UpdateItemAsync(a, d.Id, d.Version, d.Input, d.Input with { Title = "Tiêu đề đã sửa" }, ct: Ct)),
        ["StructureEditor.SetAssignmentAsync"] = After(ManageStructure, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<StructureEditor>().SetAssignmentAsync(a, i.Id, new AssignmentInput(Lead, ["CT-SNV"], "Ông Nguyễn Văn An"), Ct)),
        ["StructureEditor.SaveMilestonesAsync"] = After(ManageStructure, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<StructureEditor>().SaveMilestonesAsync(a, i.Id, [new MilestoneInput(1, "Khảo sát thực trạng", new DateOnly(2027, 3, 31), null, null)], Ct)),
        ["ItemRetirement.DeleteItemAsync"] = After(ManageStructure, s => s.NewDocumentAsync("VB-90"), (s, i, a) => s.Get<ItemRetirement>().DeleteItemAsync(a, i.Id, Ct)),
        ["ItemRetirement.SetClosedAsync"] = After(ManageStructure, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<ItemRetirement>().SetClosedAsync(a, i.Id, true, "Đã hoàn thành theo quyết định.", Ct)),
        ["ProgramEditor.UpdateAsync"] = After(ManageStructure, async s => (await s.Get<ProgramEditor>().GetAsync(Ct))!, (s, p, a) => s.Get<ProgramEditor>().UpdateAsync(a, p.Version, p.Input, p.Input with { Motto = "Đoàn kết, đổi mới" }, Ct)),
        ["ProgramEditor.SaveBreakthroughAsync"] = Call(ManageStructure, (s, a) => s.Get<ProgramEditor>().SaveBreakthroughAsync(a, new BreakthroughRowData(1, "Phát triển nguồn nhân lực", null), Ct)),
        ["ProgramEditor.SaveGroupAsync"] = Call(ManageStructure, (s, a) => s.Get<ProgramEditor>().SaveGroupAsync(a, new GroupRowData(1, "I", "Nhóm nhiệm vụ về giáo dục", null), Ct)),
        ["AmendmentService.RecordAsync"] = Call(ManageStructure, (s, a) => s.Get<AmendmentService>().RecordAsync(a, new AmendmentInput("Kết luận số 99-KL/TU", new DateOnly(2025, 1, 15), "Điều chỉnh", null, [], [], [new Redating("NV-03", "Quý IV/2026")]), Ct)),
        ["IndicatorAdministration.SaveAsync"] = Call(ManageStructure, (s, a) => s.Get<IndicatorAdministration>().SaveAsync(a, new IndicatorInput("CT-M99", "Tỷ lệ trường đạt chuẩn", "%", IndicatorDirection.HigherIsBetter, Lead, null, null, null, new Dictionary<int, string?>()), Ct)),
        ["StructureWorkbookService.ExportAsync"] = Call(ManageStructure, (s, a) => s.Get<StructureWorkbookService>().ExportAsync(a, new MemoryStream(), Ct)),
        ["StructureWorkbookService.TemplateAsync"] = Call(ManageStructure, (s, a) => s.Get<StructureWorkbookService>().TemplateAsync(a, new MemoryStream(), Ct)),
        ["StructureWorkbookService.PreviewAsync"] = After(ManageStructure, s => s.WorkbookAsync(), (s, w, a) => s.Get<StructureWorkbookService>().PreviewAsync(a, new MemoryStream(w.Workbook), Ct)),
        ["StructureWorkbookService.ImportAsync"] = After(ManageStructure, s => s.WorkbookAsync(), (s, w, a) => s.Get<StructureWorkbookService>().ImportAsync(a, new MemoryStream(w.Workbook), "chuong-trinh.xlsx", w.Fingerprint, Ct)),

        ["UnitAdministration.SaveUnitAsync"] = Call(ManageUnits, (s, a) => s.Get<UnitAdministration>().SaveUnitAsync(a, null, new UnitInput("MOI", "Đơn vị mới", null, OrgUnitKind.Department, null, null), null, Ct)),
        ["UnitAdministration.RecordMergerAsync"] = Call(ManageUnits, (s, a) => s.Get<UnitAdministration>().RecordMergerAsync(a, new MergerInput(["CT-SCT"], "CT-SXD", new DateOnly(2026, 11, 1), "Quyết định số 25/QĐ-UBND"), Ct)),

        ["DeadlineAdjustmentService.AdjustAsync"] = After(AdjustDeadline, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<DeadlineAdjustmentService>().AdjustAsync(a, i.Id, i.Version, new DeadlineAdjustmentInput("Năm 2027", "12/QĐ-UBND", new DateOnly(2026, 11, 2), null), Ct)),
        ["ReviewService.QueueAsync"] = Call(ReviewReport, (s, a) => s.Get<ReviewService>().QueueAsync(a, Ct)),
        ["ReviewService.IssuancesAsync"] = Call(ReviewReport, (s, a) => s.Get<ReviewService>().IssuancesAsync(a, Ct)),
        ["ReviewService.ReviewAsync"] = After(ReviewReport, s => s.ReportAsync("NV-04", Lead, submit: true), (s, r, a) => s.Get<ReviewService>().ReviewAsync(a, r.Id, r.Version, false, "Bổ sung số liệu.", Ct)),
        ["ReviewService.ConfirmIssuanceAsync"] = After(ReviewReport, s => s.IssuanceAwaitingConfirmationAsync(), (s, d, a) => s.Get<ReviewService>().ConfirmIssuanceAsync(a, d.Id, d.Version, Ct), "CT-TU"),
        ["ExplanationService.RequestAsync"] = After(RequestExplanation, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<ExplanationService>().RequestAsync(a, i.Id, "Vì sao chậm?", null, Ct)),
        ["ExplanationService.AnswerAsync"] = After(AnswerExplanation, s => s.ExplanationAsync("NV-04"), (s, e, a) => s.Get<ExplanationService>().AnswerAsync(a, e.Id, e.Version, "Do thiếu kinh phí.", Ct)),

        ["ProgressReportService.OpenAsync"] = After(ReportProgress, s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<ProgressReportService>().OpenAsync(a, i.Id, null, Ct)),
        ["ProgressReportService.SaveAsync"] = After(ReportProgress, s => s.ReportInputAsync("NV-04"), (s, r, a) => s.Get<ProgressReportService>().SaveAsync(a, r, null, null, false, Ct)),
        ["EvidenceService.AddFileAsync"] = After(ReportProgress, s => s.ReportAsync("NV-04", Lead, submit: false), (s, r, a) => s.Get<EvidenceService>().AddFileAsync(a, r.Id, new EvidenceFile("a.pdf", null, SampleFiles.Pdf()), null, Ct)),
        ["EvidenceService.AddDocumentAsync"] = After(ReportProgress, async s => (Report: (await s.ReportAsync("NV-04", Lead, submit: false)).Id, Document: await s.IssuedDocumentIdAsync()), (s, r, a) => s.Get<EvidenceService>().AddDocumentAsync(a, r.Report, r.Document, Ct)),
        ["EvidenceService.AddLinkAsync"] = After(ReportProgress, s => s.ReportAsync("NV-04", Lead, submit: false), (s, r, a) => s.Get<EvidenceService>().AddLinkAsync(a, r.Id, "https://haugiang.gov.vn/tin", null, Ct)),
        ["EvidenceService.RemoveEvidenceAsync"] = After(ReportProgress, s => s.EvidenceAsync("NV-04", Lead), (s, e, a) => s.Get<EvidenceService>().RemoveEvidenceAsync(a, e, Ct)),
        ["DocumentService.AdvanceAsync"] = After(RecordIssuance, s => s.NewDocumentAsync("VB-91", Lead), (s, d, a) => s.Get<DocumentService>().AdvanceAsync(a, d.Id, d.Version, DocumentStage.Drafting, Ct)),
        ["DocumentService.RecordIssuanceAsync"] = After(RecordIssuance, s => s.ItemAsync("VB-02"), (s, d, a) => s.Get<DocumentService>().RecordIssuanceAsync(a, d.Id, d.Version, Issuance, Ct), "CT-TU"),
        ["IndicatorValueService.RecordAsync"] = After(EnterIndicatorValue, s => s.IndicatorAsync("CT-M01"), (s, i, a) => s.Get<IndicatorValueService>().RecordAsync(a, i.IndicatorId, i.PeriodId, 70m, "Báo cáo của Sở", null, Ct), "CT-SNV"),

        // A file of the unit's own draft: its staff and administrators; any other unit's staff is refused.
        ["ItemFiles.EvidenceAsync"] = After(ReadDraftEvidence, s => s.FileEvidenceAsync("NV-04", Lead, submit: false), (s, e, a) => Served(s.Get<ItemFiles>().EvidenceAsync(a, e, Ct))),

        // Open to everyone: the actor only chooses whose work is listed, or which draft evidence is left out.
        ["UnitWorkService.ListAsync"] = Open(s => Task.FromResult(0), (s, _, a) => s.Get<UnitWorkService>().ListAsync(a, Ct)),
        ["ItemDetailService.GetAsync"] = Open(s => s.ItemAsync("NV-04"), (s, i, a) => s.Get<ItemDetailService>().GetAsync(a, i.Id, Ct)),
        ["ItemDetailService.ReportAsync"] = Open(s => s.ReportAsync("NV-04", Lead, submit: true), (s, r, a) => s.Get<ItemDetailService>().ReportAsync(a, r.Id, Ct)),
        ["ItemFiles.IssuedTextAsync"] = Open(s => s.IssuedTextAsync(), (s, d, a) => Served(s.Get<ItemFiles>().IssuedTextAsync(a, d, Ct)), "TU-BTC"),
    };

    /// <summary>The file reads again, on other evidence: a submitted report's, and the draft of a unit that only coordinates the item.</summary>
    public static readonly IReadOnlyDictionary<string, MatrixEntry> FileReads = new Dictionary<string, MatrixEntry>
    {
        // Submitted: whoever may see the report, which is every signed-in user.
        ["ItemFiles.EvidenceAsync"] = Open(s => s.FileEvidenceAsync("NV-04", Lead, submit: true), (s, e, a) => Served(s.Get<ItemFiles>().EvidenceAsync(a, e, Ct))),
        // Sở Nội vụ TP Cần Thơ's draft contribution to NV-03: not even the staff of Thành ủy Cần Thơ, which leads NV-03, may read it.
        ["ItemFiles.EvidenceAsync (contribution draft)"] = After(ReadDraftEvidence, s => s.FileEvidenceAsync("NV-03", Contributor, submit: false), (s, e, a) => Served(s.Get<ItemFiles>().EvidenceAsync(a, e, Ct)), "CT-TU") with { Owner = Contributor },
    };

    /// <summary>
    /// The reporting methods again, on NV-03, which Thành ủy Cần Thơ leads and Sở Nội vụ TP Cần Thơ coordinates: only the
    /// coordinating unit's staff may call them (its report is a contribution); a refusal names ReportProgress.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, MatrixEntry> Contributions = new Dictionary<string, MatrixEntry>
    {
        ["ProgressReportService.OpenAsync"] = Contribution(s => s.ItemAsync("NV-03"), (s, i, a) => s.Get<ProgressReportService>().OpenAsync(a, i.Id, null, Ct)),
        ["ProgressReportService.SaveAsync"] = Contribution(s => s.ReportInputAsync("NV-03"), (s, r, a) => s.Get<ProgressReportService>().SaveAsync(a, r, null, null, false, Ct)),
        ["EvidenceService.AddLinkAsync"] = Contribution(s => s.ReportAsync("NV-03", Contributor, submit: false), (s, r, a) => s.Get<EvidenceService>().AddLinkAsync(a, r.Id, "https://haugiang.gov.vn/tin", null, Ct)),
        ["EvidenceService.RemoveEvidenceAsync"] = Contribution(s => s.EvidenceAsync("NV-03", Contributor), (s, e, a) => s.Get<EvidenceService>().RemoveEvidenceAsync(a, e, Ct)),
    };

    /// <summary>A stored day off of the year (listing it first stores the defaults).</summary>
    private static async Task<HolidayRow> FirstHolidayAsync(MatrixScene scene, int year) =>
        (await scene.Get<HolidayService>().ListYearAsync(Actor.System("matrix"), year, Ct))[0];

    private static async Task Discard<T>(Task<T> call) => await call;

    private static async Task<long> FailedMailAsync(MatrixScene scene)
    {
        var user = await TestUsers.CreateAsync(scene.Services, $"thu.loi.{Guid.NewGuid():N}@thu.local", Roles.UnitStaff, Lead);
        await using var db = scene.Database.NewContext();
        var mail = db.OutgoingMails.Add(new OutgoingMail
        {
            Key = $"daily:{user.Id}:2026-11-27",
            UserId = user.Id,
            ToAddress = user.Email!,
            ToName = user.FullName,
            Subject = "Thử",
            TextBody = "Thử",
            HtmlBody = "<p>Thử</p>",
            State = MailState.Failed,
            Attempts = 8,
            CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow,
        }).Entity;
        await db.SaveChangesAsync(Ct);
        return mail.Id;
    }

    private static MatrixEntry Open<T>(Func<MatrixScene, Task<T>> arrange, Func<MatrixScene, T, Actor, Task> call, string unit = Lead) =>
        After(ReportProgress, arrange, call, unit) with { Operation = null };

    /// <summary>An allowed file read must hand over the bytes, not merely not throw.</summary>
    private static async Task Served(Task<StoredDownload?> read) => Assert.NotEmpty((await read)?.Content ?? []);

    private static MatrixEntry Contribution<T>(Func<MatrixScene, Task<T>> arrange, Func<MatrixScene, T, Actor, Task> call) =>
        After(ReportProgress, arrange, call, Contributor) with { Coordinating = true };

    private static MatrixEntry Call(Operation operation, Func<MatrixScene, Actor, Task> call, string unit = Lead) =>
        new(operation, unit, s => Task.FromResult<Func<Actor, Task>>(a => call(s, a)));

    private static MatrixEntry After<T>(Operation operation, Func<MatrixScene, Task<T>> arrange, Func<MatrixScene, T, Actor, Task> call, string unit = Lead) =>
        new(operation, unit, async s =>
        {
            var arranged = await arrange(s);
            return a => call(s, arranged, a);
        });

    private static async Task<List<T>> DrainAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }
        return list;
    }
}
