using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

public class ReportWorkflowTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private ProgressReportService Reports => Get<ProgressReportService>();

    private EvidenceService Evidence => Get<EvidenceService>();
    private ReviewService Review => Get<ReviewService>();

    private async Task<(int ItemId, int PeriodId)> CurrentAsync(string code) => (await ItemIdAsync(code), (await PeriodAsync("Quý IV/2026")).Id);

    private async Task<ReportView> ReportAsync(int reportId) => (await Get<ItemDetailService>().ReportAsync(Admin, reportId, Ct))!;

    [Fact]
    public async Task A_report_completes_the_work_only_when_confirmed_at_100_percent_with_evidence()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var input = new ReportInput(item, period, 100, "Đã hoàn thành toàn bộ.", null, null, null, null);

        var (draft, id) = await Reports.SaveAsync(staff, input, null, null, submit: false, Ct);
        Assert.True(draft.Succeeded, string.Join(" ", draft.Errors.Values));
        var (refused, _) = await Reports.SaveAsync(staff, input, (await ReportAsync(id!.Value)).Version, input, submit: true, Ct);
        Assert.Equal("Ghi ngày hoàn thành khi báo cáo đạt 100%.", refused.For("AchievedOn"));
        Assert.Equal("Báo cáo hoàn thành 100% phải kèm minh chứng (tệp, văn bản đã ban hành hoặc đường dẫn).", refused.For("Evidence"));

        Assert.True((await Evidence.AddLinkAsync(staff, id.Value, "https://haugiang.gov.vn/ket-qua", "Tin bài kết quả", Ct)).Succeeded);
        var done = input with { AchievedOn = new DateOnly(2026, 11, 20) };
        var (submitted, _) = await Reports.SaveAsync(staff, done, (await ReportAsync(id.Value)).Version, done, submit: true, Ct);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
        Assert.False((await RowAsync("NV-04")).Status.IsCompleted);

        Assert.True((await Review.ReviewAsync(Office, id.Value, (await ReportAsync(id.Value)).Version, confirm: true, null, Ct)).Succeeded);

        var row = await RowAsync("NV-04");
        // Finished after the term: late against the adjusted deadline (Quý II/2025) and the original (Năm 2024).
        Assert.Equal((ProgressAxis.DoneLate, ProgressAxis.DoneLate, 100m), (row.Status.Axis, row.Status.AgainstOriginal, row.Progress));
        Assert.Equal(new DateOnly(2026, 11, 20), row.Status.CompletedOn);
    }

    [Fact]
    public async Task A_returned_report_goes_back_to_the_unit_with_the_reason()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var input = new ReportInput(item, period, 55, "Đã xây dựng dự thảo.", "Thiếu kinh phí.", "Đề nghị bổ sung kinh phí.", "Hoàn thiện, trình ký.", null);
        var (_, id) = await Reports.SaveAsync(staff, input, null, null, submit: true, Ct);

        Assert.Equal("Nêu lý do trả lại để đơn vị biết cần sửa gì.", (await Review.ReviewAsync(Office, id!.Value, (await ReportAsync(id.Value)).Version, false, " ", Ct)).For("Note"));
        Assert.True((await Review.ReviewAsync(Office, id.Value, (await ReportAsync(id.Value)).Version, false, "Số liệu chưa khớp với báo cáo tháng.", Ct)).Succeeded);

        var returned = await ReportAsync(id.Value);
        Assert.Equal((ReviewState.Returned, "Số liệu chưa khớp với báo cáo tháng."), (returned.State, returned.ReviewNote));
        var fixedInput = input with { Percent = 50 };
        Assert.True((await Reports.SaveAsync(staff, fixedInput, returned.Version, returned.Input, submit: true, Ct)).Result.Succeeded);
        Assert.Equal(
            [(ReviewState.Draft, ReviewState.Submitted), (ReviewState.Submitted, ReviewState.Returned), (ReviewState.Returned, ReviewState.Submitted)],
            (await ReportAsync(id.Value)).Events.Select(e => (e.From, e.To)));
    }

    [Fact]
    public async Task Staff_of_another_unit_are_refused_and_nothing_is_written()
    {
        var (item, period) = await CurrentAsync("NV-04");
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reports.SaveAsync(Staff("CT-STC"), new ReportInput(item, period, 10, "x", null, null, "y", null), null, null, true, Ct));

        var after = await FingerprintAsync();
        Assert.Equal(before.Where(t => t.Key != "audit_entries"), after.Where(t => t.Key != "audit_entries"));
        Assert.Equal(before["audit_entries"].Rows + 1, after["audit_entries"].Rows);
    }

    [Fact]
    public async Task A_coordinating_unit_contributes_without_changing_the_official_figure()
    {
        var before = await RowAsync("NV-03");
        var (item, period) = await CurrentAsync("NV-03");

        var (result, id) = await Reports.SaveAsync(Staff("CT-SNV"), new ReportInput(item, period, 90, "Sở Nội vụ đã phối hợp rà soát.", null, null, "Tiếp tục phối hợp.", null), null, null, true, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.True((await Review.ReviewAsync(Office, id!.Value, (await ReportAsync(id.Value)).Version, true, null, Ct)).Succeeded);

        var view = await ReportAsync(id.Value);
        Assert.True(view.IsContribution);
        Assert.Equal(before.Progress, (await RowAsync("NV-03")).Progress);
    }

    [Fact]
    public async Task A_closed_period_is_frozen_and_a_later_change_is_a_correction()
    {
        var staff = Staff("CT-SGDDT");
        var item = await ItemIdAsync("NV-04");
        var closed = await PeriodAsync("Quý III/2026");
        Assert.Equal(PeriodState.Closed, closed.State);
        await using var db = Database.NewContext();
        var original = await db.Reports.AsNoTracking().SingleAsync(r => r.WorkItemId == item && r.PeriodId == closed.Id, Ct);
        var snapshot = await db.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.WorkItemId == item && s.PeriodId == closed.Id, Ct);
        Assert.Equal((50m, original.Id), (snapshot.Percent, snapshot.ReportId));

        var form = await Reports.OpenAsync(staff, item, closed.Id, Ct);
        Assert.Equal(ReviewState.Confirmed, form!.Report!.State);
        var correction = new ReportInput(item, closed.Id, 65, "Đính chính: đã đạt 65% trong quý.", null, null, "Tiếp tục.", null);
        var (saved, correctionId) = await Reports.SaveAsync(staff, correction, null, null, submit: true, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        Assert.Equal(50m, (await RowAsync("NV-04")).Progress);

        Assert.True((await Review.ReviewAsync(Office, correctionId!.Value, (await ReportAsync(correctionId.Value)).Version, true, null, Ct)).Succeeded);

        await using var check = Database.NewContext();
        var corrected = await check.Reports.AsNoTracking().SingleAsync(r => r.Id == correctionId, Ct);
        Assert.Equal(original.Id, corrected.CorrectsReportId);
        Assert.Equal(correctionId, (await check.Reports.AsNoTracking().SingleAsync(r => r.Id == original.Id, Ct)).SupersededById);
        Assert.Equal(50m, (await check.PeriodSnapshots.AsNoTracking().SingleAsync(s => s.Id == snapshot.Id, Ct)).Percent);
        Assert.Equal(65m, (await RowAsync("NV-04")).Progress);
    }

    [Fact]
    public async Task A_correction_starts_from_the_confirmed_evidence()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var done = new ReportInput(item, period, 100, "Đã hoàn thành.", null, null, null, new DateOnly(2026, 11, 20));
        var (_, id) = await Reports.SaveAsync(staff, done, null, null, submit: false, Ct);
        Assert.True((await Evidence.AddLinkAsync(staff, id!.Value, "https://haugiang.gov.vn/ket-qua", "Tin bài", Ct)).Succeeded);
        Assert.True((await Reports.SaveAsync(staff, done, (await ReportAsync(id.Value)).Version, done, submit: true, Ct)).Result.Succeeded);
        Assert.True((await Review.ReviewAsync(Office, id.Value, (await ReportAsync(id.Value)).Version, true, null, Ct)).Succeeded);

        var (saved, correctionId) = await Reports.SaveAsync(staff, done with { Results = "Đã hoàn thành; bổ sung số liệu." }, null, null, submit: true, Ct);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        var correction = await ReportAsync(correctionId!.Value);
        Assert.Equal((id, "https://haugiang.gov.vn/ket-qua"), (correction.CorrectsReportId, Assert.Single(correction.Evidence).Url));
        Assert.Single((await ReportAsync(id.Value)).Evidence);
    }

    [Fact]
    public async Task A_new_report_for_a_closed_period_is_refused()
    {
        var (item, _) = await CurrentAsync("VB-03");
        var closed = await PeriodAsync("Quý III/2026");
        var before = await FingerprintAsync();

        var (result, _) = await Reports.SaveAsync(Staff("CT-SNV"), new ReportInput(item, closed.Id, 10, "x", null, null, "y", null), null, null, true, Ct);

        Assert.Equal("Kỳ báo cáo đã đóng; không gửi báo cáo mới cho kỳ này.", result.For("PeriodId"));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Two_people_saving_the_same_draft_the_second_is_told_what_changed()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var first = new ReportInput(item, period, 30, "Bản nháp ban đầu.", null, null, null, null);
        var (_, id) = await Reports.SaveAsync(staff, first, null, null, false, Ct);
        var opened = await ReportAsync(id!.Value);

        await Reports.SaveAsync(staff, first with { Results = "Người thứ nhất đã sửa." }, opened.Version, opened.Input, false, Ct);
        var (second, _) = await Reports.SaveAsync(staff, first with { Percent = 40 }, opened.Version, opened.Input, false, Ct);

        Assert.Contains("Kết quả đạt được: “Bản nháp ban đầu.” → “Người thứ nhất đã sửa.”", second.For(""), StringComparison.Ordinal);
        Assert.Equal(30, (await ReportAsync(id.Value)).Input.Percent);
    }

    [Fact]
    public async Task Two_people_starting_from_an_empty_form_the_second_does_not_overwrite_the_first()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var mine = new ReportInput(item, period, 30, "Người thứ nhất viết.", null, null, null, null);

        var (first, id) = await Reports.SaveAsync(staff, mine, null, null, false, Ct);
        var (second, _) = await Reports.SaveAsync(staff, mine with { Percent = 45, Results = "Người thứ hai viết." }, null, null, false, Ct);

        Assert.True(first.Succeeded);
        Assert.Contains("Kết quả đạt được: “(trống)” → “Người thứ nhất viết.”", second.For(""), StringComparison.Ordinal);
        Assert.Equal((30, "Người thứ nhất viết."), ((await ReportAsync(id!.Value)).Input.Percent, (await ReportAsync(id.Value)).Input.Results));
    }

    [Fact]
    public async Task Only_the_unit_that_made_a_report_changes_its_evidence()
    {
        var (item, period) = await CurrentAsync("NV-03");
        var (_, leadReport) = await Reports.SaveAsync(Staff("CT-TU"), new ReportInput(item, period, 20, "Kết quả", null, null, null, null), null, null, false, Ct);
        var before = await FingerprintAsync();

        // CT-SNV coordinates NV-03: it may report its own contribution, not touch the lead unit's report.
        var refused = await Evidence.AddLinkAsync(Staff("CT-SNV"), leadReport!.Value, "https://haugiang.gov.vn/tin", null, Ct);

        Assert.StartsWith("Báo cáo này là của đơn vị khác", refused.For(""), StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData(101, null, "Percent", "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).")]
    [InlineData(-1, null, "Percent", "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).")]
    [InlineData(100, "2026-09-14", "AchievedOn", "Ngày hoàn thành phải nằm trong kỳ báo cáo (15/09/2026–14/12/2026).")]
    [InlineData(100, "2026-12-01", "AchievedOn", "Ngày hoàn thành không được sau hôm nay.")]
    [InlineData(60, "2026-11-01", "AchievedOn", "Chỉ ghi ngày hoàn thành khi tỷ lệ là 100%.")]
    public async Task Bad_report_input_is_refused_next_to_its_field_and_nothing_is_stored(int percent, string? achieved, string field, string message)
    {
        var (item, period) = await CurrentAsync("NV-04");
        var before = await FingerprintAsync();

        var (result, _) = await Reports.SaveAsync(Staff("CT-SGDDT"), new ReportInput(item, period, percent, "Kết quả", null, null, "Tiếp theo",
            achieved is null ? null : DateOnly.Parse(achieved, System.Globalization.CultureInfo.InvariantCulture)), null, null, true, Ct);

        Assert.Equal(message, result.For(field));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Submitting_needs_results_and_next_steps()
    {
        var (item, period) = await CurrentAsync("NV-04");

        var (result, _) = await Reports.SaveAsync(Staff("CT-SGDDT"), new ReportInput(item, period, 20, " ", null, null, null, null), null, null, true, Ct);

        Assert.Equal("Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.", result.For("Results"));
        Assert.Equal("Nêu nhiệm vụ, giải pháp tiếp theo khi chưa hoàn thành.", result.For("NextSteps"));
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused()
    {
        var (item, period) = await CurrentAsync("NV-04");

        var (result, _) = await Reports.SaveAsync(Staff("CT-SGDDT"), new ReportInput(item, period, 20, new string('ạ', ReportRules.MaxText + 1), null, null, "x", null), null, null, false, Ct);

        Assert.StartsWith("Kết quả đạt được không quá 20000 ký tự", result.For("Results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_report_cannot_be_changed_until_reviewed()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var input = new ReportInput(item, period, 20, "Kết quả", null, null, "Tiếp", null);
        var (_, id) = await Reports.SaveAsync(staff, input, null, null, true, Ct);

        var (again, _) = await Reports.SaveAsync(staff, input with { Percent = 90 }, (await ReportAsync(id!.Value)).Version, input, false, Ct);
        var evidence = await Evidence.AddLinkAsync(staff, id.Value, "https://example.org", null, Ct);

        Assert.Equal("Báo cáo đang chờ Văn phòng theo dõi xác nhận; chưa sửa được.", again.For(""));
        Assert.Equal("Báo cáo đã gửi; không thêm hay bỏ minh chứng được nữa.", evidence.For("Evidence"));
    }

    [Theory]
    [InlineData("ket-qua.exe", "%PDF-1.7", "Không nhận loại tệp “.exe”.")]
    [InlineData("ket-qua.pdf", "", "Tệp rỗng, không có nội dung.")]
    [InlineData("ket-qua.pdf", "Đây không phải PDF", "Nội dung tệp “ket-qua.pdf” không phải PDF như tên tệp.")]
    [InlineData("", "%PDF-1.7", "Tệp minh chứng không có tên.")]
    [InlineData("trang.pdf", "%PDF-1.7\n<html><body>Đăng nhập</body></html>", "Tệp “trang.pdf” không mở được như một tệp PDF")]
    public async Task A_bad_evidence_file_is_refused_and_nothing_is_stored(string name, string content, string message)
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var (_, id) = await Reports.SaveAsync(staff, new ReportInput(item, period, 20, "Kết quả", null, null, "Tiếp", null), null, null, false, Ct);
        var before = await FingerprintAsync();

        var result = await Evidence.AddFileAsync(staff, id!.Value, new EvidenceFile(name, null, System.Text.Encoding.UTF8.GetBytes(content)), null, Ct);

        Assert.StartsWith(message, result.For("Evidence"), StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var (_, id) = await Reports.SaveAsync(staff, new ReportInput(item, period, 20, "Kết quả", null, null, "Tiếp", null), null, null, false, Ct);
        var huge = new byte[EvidenceRules.MaxBytes + 1];
        "%PDF-"u8.CopyTo(huge);

        var result = await Evidence.AddFileAsync(staff, id!.Value, new EvidenceFile("lon.pdf", "application/pdf", huge), null, Ct);

        Assert.Contains("quá giới hạn 20 MB", result.For("Evidence"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_kept_with_its_size_type_and_hash()
    {
        var staff = Staff("CT-SGDDT");
        var (item, period) = await CurrentAsync("NV-04");
        var (_, id) = await Reports.SaveAsync(staff, new ReportInput(item, period, 20, "Kết quả", null, null, "Tiếp", null), null, null, false, Ct);
        var pdf = SampleFiles.Pdf("bien ban nghiem thu");

        Assert.True((await Evidence.AddFileAsync(staff, id!.Value, new EvidenceFile("bien-ban.pdf", "application/octet-stream", pdf), "Biên bản", Ct)).Succeeded);

        var evidence = Assert.Single((await ReportAsync(id.Value)).Evidence);
        Assert.Equal(("bien-ban.pdf", (long?)pdf.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))), (evidence.FileName, evidence.SizeBytes, evidence.Sha256));
        await using var db = Database.NewContext();
        Assert.Equal("application/pdf", (await db.Evidence.SingleAsync(e => e.Id == evidence.Id, Ct)).ContentType);
    }
}
