using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

/// <summary>A review report built by hand for the PDF and Word writers, in both forms of the head.</summary>
internal static class PrintedReportSamples
{
    public const string Subject = "Kết quả thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV, quý IV năm 2025";
    public const string ParagraphText = "Các sở, ngành đã ưu tiên nguồn lực cho ba khâu Đột phá, phối hợp chặt chẽ với Sở Kế hoạch và Đầu tư trong việc rà soát tiến độ.";
    public const string LeadText = "NV-01 (Sở Kế hoạch và Đầu tư):";
    public const string DetailHeader = "Đơn vị chủ trì";
    public const string NotPrinted = "Nhật ký thay đổi không in";

    public static readonly ExportStamp Stamp = new(new DateTime(2026, 12, 2, 7, 5, 0, DateTimeKind.Utc), "Nguyễn Thị Ánh Tuyết", "1a2b3c4d5e6f00112233", "1A2B-3C4D-5E6F");

    public static string Issuer(IssuerForm form) => form == IssuerForm.Party ? "BAN THƯỜNG VỤ" : "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG";

    public static string Motto(IssuerForm form) => form == IssuerForm.Party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public static ReviewReport Report(IssuerForm form, int detailRows = 12, bool provisional = false, int longParagraphWords = 0,
        Func<int, CancellationToken, IAsyncEnumerable<object?[]>>? rows = null)
    {
        var header = new ReportHeader(
            form,
            form == IssuerForm.Party ? "Tỉnh ủy Hậu Giang" : null,
            form == IssuerForm.Party ? "Ban Thường vụ" : "Ủy ban nhân dân tỉnh Hậu Giang",
            form == IssuerForm.Party ? "Số       -BC/TU" : "Số:      /BC-UBND",
            Motto(form),
            form == IssuerForm.State ? "Độc lập - Tự do - Hạnh phúc" : null,
            "Hậu Giang, ngày 02 tháng 12 năm 2026",
            "BÁO CÁO",
            Subject,
            "Phạm vi: toàn Chương trình",
            "Kỳ báo cáo: quý IV năm 2025, từ 01/10/2025 đến 31/12/2025 (92 ngày)",
            provisional ? "Số liệu tạm tính: kỳ báo cáo chưa kết thúc, số liệu còn thay đổi." : "Số liệu chốt khi kết thúc kỳ báo cáo.",
            provisional);
        var results = new List<ReportParagraph>
        {
            new(ParagraphText),
            new("hoàn thành đề án đào tạo nguồn nhân lực chất lượng cao, trình Ủy ban nhân dân tỉnh đúng hạn.", LeadText),
            new("Đột phá 2: ưu tiên đầu tư kết cấu hạ tầng giao thông.", Bullet: true),
        };
        if (longParagraphWords > 0)
        {
            results.Add(new(string.Join(' ', Enumerable.Range(1, longParagraphWords).Select(n => $"từ{n}")) + " KẾT-THÚC-ĐOẠN"));
        }
        var sections = new List<ReportSection>
        {
            new("I. KẾT QUẢ ĐẠT ĐƯỢC", results, [new("1. Đột phá phát triển nguồn nhân lực", [new("Tỷ lệ nhiệm vụ hoàn thành đúng hạn tăng so với quý trước.")], [])]),
            new("II. HẠN CHẾ, NGUYÊN NHÂN", [new("Một số nhiệm vụ chậm tiến độ do thủ tục đầu tư kéo dài.")], []),
            new("III. NHIỆM VỤ, GIẢI PHÁP QUÝ I NĂM 2026", [new("Tập trung tháo gỡ vướng mắc, đôn đốc các đơn vị chủ trì.", Bullet: true)], []),
        };
        var summary = ReportTable.Of("Tổng hợp", "Tổng hợp kết quả theo khâu Đột phá",
            [new("Khâu đột phá", CellKind.Text, 30), new("Số nhiệm vụ", CellKind.Integer, 10), new("Tỷ lệ hoàn thành", CellKind.Percent, 12),
             new("Hạn gần nhất", CellKind.Date, 12), new("Cập nhật lúc", CellKind.DateTime, 16)],
            [["Đột phá 1: Nguồn nhân lực", 1234, 0.456m, new DateOnly(2025, 12, 31), new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc)],
             ["Đột phá 2: Kết cấu hạ tầng", 7, 1m, null, null]],
            note: "Xếp theo thứ tự khâu đột phá trong Nghị quyết.");
        var detailColumns = new ReportColumn[]
        {
            new("Mã", CellKind.Text, 8), new("Nhiệm vụ", CellKind.Text, 40), new(DetailHeader, CellKind.Text, 20),
            new("Hạn", CellKind.Date, 11), new("Tỷ lệ", CellKind.Percent, 8),
        };
        var detail = new ReportTable("Nhiệm vụ", "Danh sách nhiệm vụ", detailColumns, detailRows,
            ct => rows is null ? DetailRows(detailRows) : rows(detailRows, ct));
        var log = ReportTable.Of("Nhật ký", NotPrinted, [new("Nội dung", CellKind.Text, 30)], [["không in dòng này"]], printed: false);
        return new ReviewReport(header, sections, [summary], [detail, log], "bao-cao-quy-IV-2025");
    }

    public static IAsyncEnumerable<object?[]> DetailRows(int count) =>
        Enumerable.Range(1, count).Select(n => new object?[]
        {
            $"NV-{n:0000}", $"Nhiệm vụ số {n}: triển khai Nghị quyết, ưu tiên các khâu Đột phá", "Sở Kế hoạch và Đầu tư",
            new DateOnly(2025, 12, 31), n % 10 / 10m,
        }).ToAsyncEnumerable();

    public static async Task<byte[]> WriteAsync(IReviewReportWriter writer, ReviewReport report, IProgress<ExportProgress>? progress = null)
    {
        using var buffer = new MemoryStream();
        await writer.WriteAsync(report, Stamp, buffer, progress, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Reports synchronously, unlike <see cref="Progress{T}"/>, so the test sees every report before it asserts.</summary>
    public sealed class Recorder : IProgress<ExportProgress>
    {
        public List<ExportProgress> Reports { get; } = [];

        public void Report(ExportProgress value) => Reports.Add(value);
    }
}
