using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Documents;

public class DocumentAndDeadlineTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private DocumentService Documents => Get<DocumentService>();

    private static readonly EvidenceFile SignedPdf = new("ke-hoach-da-ky.pdf", "application/pdf", SampleFiles.Pdf("ban ky"));

    [Fact]
    public async Task Issuance_is_judged_against_the_adjusted_and_the_original_deadline()
    {
        var id = await ItemIdAsync("VB-02");
        // Handed over after the term with a new deadline, then issued within it.
        Assert.True((await Get<DeadlineAdjustmentService>().AdjustAsync(Office, id, await ItemVersionAsync("VB-02"),
            new DeadlineAdjustmentInput("Quý II/2027", "Kết luận số 03-KL/TU", new DateOnly(2026, 7, 1), null), Ct)).Succeeded);

        var (result, verdict) = await Documents.RecordIssuanceAsync(Staff("CT-TU"), id, await ItemVersionAsync("VB-02"),
            new IssuanceInput("45-ĐA/TU", new DateOnly(2026, 11, 20), "Ban Thường vụ Tỉnh ủy", "Đề án đào tạo, bồi dưỡng cán bộ trẻ", "Bí thư Tỉnh ủy", SignedPdf), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal((ProgressAxis.DoneOnTime, new DateOnly(2027, 6, 30), ProgressAxis.DoneLate, new DateOnly(2022, 6, 30)),
            (verdict!.AgainstInForce, verdict.DueInForce!.Value, verdict.AgainstOriginal!.Value, verdict.OriginalDue!.Value));
        Assert.False((await RowAsync("VB-02")).Status.IsCompleted);

        Assert.True((await Get<ReviewService>().ConfirmIssuanceAsync(Office, id, await ItemVersionAsync("VB-02"), Ct)).Succeeded);

        var row = await RowAsync("VB-02");
        Assert.Equal((ProgressAxis.DoneOnTime, ProgressAxis.DoneLate, new DateOnly(2026, 11, 20)), (row.Status.Axis, row.Status.AgainstOriginal, row.Status.CompletedOn));
        var detail = await Get<ItemDetailService>().GetAsync(Admin, id, Ct);
        Assert.Equal("45-ĐA/TU", detail!.Document!.NumberSymbol);
        Assert.NotNull(detail.Document.FileId);
    }

    [Fact]
    public async Task A_confirmed_issuance_is_not_recorded_again_nor_moved_past_issued()
    {
        var id = await ItemIdAsync("VB-02");
        var staff = Staff("CT-TU");
        var first = new IssuanceInput("45-ĐA/TU", new DateOnly(2026, 11, 20), null, "Đề án đào tạo, bồi dưỡng cán bộ trẻ", null, null);
        Assert.True((await Documents.RecordIssuanceAsync(staff, id, await ItemVersionAsync("VB-02"), first, Ct)).Result.Succeeded);
        Assert.True((await Get<ReviewService>().ConfirmIssuanceAsync(Office, id, await ItemVersionAsync("VB-02"), Ct)).Succeeded);
        var before = await FingerprintAsync();

        var (again, _) = await Documents.RecordIssuanceAsync(staff, id, await ItemVersionAsync("VB-02"), first with { NumberSymbol = "46-ĐA/TU" }, Ct);
        var past = await Documents.AdvanceAsync(staff, id, await ItemVersionAsync("VB-02"), (DocumentStage)4, Ct);

        Assert.StartsWith("Văn bản đã được Văn phòng theo dõi xác nhận ban hành ngày 27/11/2026", again.For(""), StringComparison.Ordinal);
        Assert.StartsWith("Chỉ chuyển văn bản sang bước tiếp theo", past.For("Stage"), StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Issuance_after_the_deadline_is_late()
    {
        var (_, verdict) = await Documents.RecordIssuanceAsync(Staff("CT-TU"), await ItemIdAsync("VB-01"), await ItemVersionAsync("VB-01"),
            new IssuanceInput("12-NQ/TU", new DateOnly(2026, 10, 1), null, "Nghị quyết về phát triển nguồn nhân lực", null, null), Ct);

        Assert.Equal(ProgressAxis.DoneLate, verdict!.AgainstInForce);
        Assert.Null(verdict.AgainstOriginal);
    }

    [Theory]
    [InlineData("", "2026-11-20", "Trích yếu", "NumberSymbol", "Nhập số, ký hiệu văn bản (cơ quan nhà nước: 16/KH-UBND hoặc 15/2022/NQ-HĐND; cơ quan Đảng: 05-CT/TU).")]
    [InlineData("12/NQ/TU", "2026-11-20", "Trích yếu", "NumberSymbol", "Số, ký hiệu “12/NQ/TU” không đúng thể thức văn bản của Đảng: số-ký hiệu loại văn bản/cơ quan ban hành, ví dụ 05-CT/TU, 50-CTr/TU.")]
    [InlineData("12-NQ/TU", "2026-12-20", "Trích yếu", "IssuedOn", "Ngày ban hành không được sau hôm nay.")]
    [InlineData("12-NQ/TU", "2020-01-01", "Trích yếu", "IssuedOn", "Ngày ban hành không được trước ngày ban hành Chương trình (09/08/2021).")]
    [InlineData("12-NQ/TU", "2026-11-20", " ", "Abstract", "Nhập trích yếu văn bản.")]
    public async Task A_bad_issuance_is_refused_and_nothing_is_stored(string number, string day, string summary, string field, string message)
    {
        var before = await FingerprintAsync();

        var (result, _) = await Documents.RecordIssuanceAsync(Staff("CT-TU"), await ItemIdAsync("VB-01"), await ItemVersionAsync("VB-01"),
            new IssuanceInput(number, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null, summary, null, null), Ct);

        Assert.Equal(message, result.For(field));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task The_lifecycle_only_moves_forward_and_only_for_the_lead_unit()
    {
        var id = await ItemIdAsync("VB-03");
        var staff = Staff("CT-SNV");

        Assert.True((await Documents.AdvanceAsync(staff, id, await ItemVersionAsync("VB-03"), DocumentStage.Drafting, Ct)).Succeeded);
        Assert.True((await Documents.AdvanceAsync(staff, id, await ItemVersionAsync("VB-03"), DocumentStage.SubmittedForSignature, Ct)).Succeeded);
        Assert.NotNull((await Documents.AdvanceAsync(staff, id, await ItemVersionAsync("VB-03"), DocumentStage.Drafting, Ct)).For("Stage"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Documents.AdvanceAsync(Staff("CT-STC"), id, 0, DocumentStage.SubmittedForSignature, Ct));
        Assert.False((await RowAsync("VB-03")).Status.NotStarted);
    }

    [Fact]
    public async Task An_adjusted_deadline_keeps_the_original_and_its_basis_visible()
    {
        var id = await ItemIdAsync("NV-03");

        var result = await Get<DeadlineAdjustmentService>().AdjustAsync(Office, id, await ItemVersionAsync("NV-03"),
            new DeadlineAdjustmentInput("Quý II/2027", "Công văn số 512-CV/TU", new DateOnly(2026, 11, 2), "Theo đề nghị của Ban Tổ chức"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var detail = await Get<ItemDetailService>().GetAsync(Admin, id, Ct);
        Assert.Equal([("Năm 2023", (string?)null), ("Quý II/2027", "Công văn số 512-CV/TU")], detail!.Deadlines.Select(d => (d.Deadline.Label, d.BasisNumber)));
        Assert.Equal((ProgressAxis.OpenWithinDeadline, ProgressAxis.Overdue), (detail.Row.Status.Axis, detail.Row.Status.AgainstOriginal));
        Assert.Contains(detail.Changes, c => c.Reason == "Điều chỉnh thời hạn theo Công văn số 512-CV/TU ngày 02/11/2026");
    }

    [Fact]
    public async Task A_deadline_adjustment_needs_its_basis_and_the_right_role()
    {
        var id = await ItemIdAsync("NV-03");
        var adjust = Get<DeadlineAdjustmentService>();

        var missing = await adjust.AdjustAsync(Office, id, await ItemVersionAsync("NV-03"), new DeadlineAdjustmentInput("Quý II/2027", " ", null, null), Ct);
        var same = await adjust.AdjustAsync(Office, id, await ItemVersionAsync("NV-03"), new DeadlineAdjustmentInput("Năm 2023", "CV 1", new DateOnly(2026, 1, 1), null), Ct);
        var stale = await adjust.AdjustAsync(Office, id, await ItemVersionAsync("NV-03") + 1, new DeadlineAdjustmentInput("Năm 2027", "CV 1", new DateOnly(2026, 1, 1), null), Ct);

        Assert.Equal(("Nhập số văn bản làm căn cứ điều chỉnh.", "Nhập ngày của văn bản làm căn cứ."), (missing.For("BasisNumber"), missing.For("BasisDate")));
        Assert.Equal("Thời hạn mới trùng thời hạn hiện hành.", same.For("NewDeadline"));
        Assert.Contains("vừa được người khác thay đổi", stale.For(""), StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => adjust.AdjustAsync(Staff("CT-TU"), id, 0, new DeadlineAdjustmentInput("Năm 2027", "CV", new DateOnly(2026, 1, 1), null), Ct));
    }
}
