using System.IO.Compression;
using System.Text;
using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

public class CsvReportWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static async Task<Dictionary<string, byte[]>> WriteAsync(ReviewReport report, IProgress<ExportProgress>? progress = null)
    {
        using var buffer = new MemoryStream();
        await new CsvReportWriter().WriteAsync(report, ReviewReportSamples.Stamp, buffer, progress, TestContext.Current.CancellationToken);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync(TestContext.Current.CancellationToken))
            {
                await stream.CopyToAsync(content, TestContext.Current.CancellationToken);
            }
            files.Add(entry.FullName, content.ToArray());
        }
        return files;
    }

    private static string Text(byte[] file) => Encoding.UTF8.GetString(file.AsSpan(Bom.Length));

    [Fact]
    public async Task Each_table_is_a_file_named_by_its_ASCII_slug_and_the_stamp_comes_last()
    {
        var files = await WriteAsync(ReviewReportSamples.Report());

        Assert.Equal(["theo-tinh-trang.csv", "theo-don-vi.csv", "nhiem-vu-dot-pha-1.csv", "van-ban.csv", "ma-kiem-tra.txt"], files.Keys.ToArray());
        Assert.All(files.Values, file => Assert.Equal(Bom, file.Take(3).ToArray()));
    }

    [Fact]
    public async Task Rows_read_back_field_by_field_with_the_quoted_multi_line_text_intact()
    {
        var files = await WriteAsync(ReviewReportSamples.Report());
        var text = Text(files["nhiem-vu-dot-pha-1.csv"]);

        Assert.Equal(
        [
            ["Mã", "Đơn vị chủ trì", "Tình trạng", "Hạn", "Cập nhật lúc", "Tiến độ (%)", "Số báo cáo"],
            ["NV-01", ReviewReportSamples.Awkward, "Quá hạn", "31/03/2026", "01/12/2026 03:30", "45.6", "3"],
            ["NV-02", "Sở Nội vụ", "Đúng hạn", "", "", "100.0", "0"],
        ], Rfc4180.Parse(text));
        Assert.Contains("\"Sở Kế hoạch và Đầu tư, \"\"đầu mối\"\"\nlần 2\"", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n").Length - 1);
    }

    [Fact]
    public async Task Summary_tables_are_files_too()
    {
        var files = await WriteAsync(ReviewReportSamples.Report());

        Assert.Equal(
        [
            ["Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
            ["Quá hạn", "4", "25.0"],
            ["Đúng hạn", "12", "75.0"],
        ], Rfc4180.Parse(Text(files["theo-tinh-trang.csv"])));
    }

    [Fact]
    public async Task The_stamp_file_carries_the_footer_and_the_report_head()
    {
        var files = await WriteAsync(ReviewReportSamples.Report());

        Assert.Equal(
        [
            "Tạo lúc 14:05 ngày 02/12/2026 · Mã kiểm tra 1A2B-3C4D-5E6F",
            "Kết quả thực hiện Chương trình 50-CTr/TU quý IV năm 2026",
            "Phạm vi: Đột phá 1",
            "Kỳ báo cáo: 01/10/2026 - 31/12/2026 (92 ngày)",
            "Số liệu chốt khi kỳ báo cáo đóng",
            "",
        ], Text(files[CsvReportWriter.StampFile]).Split("\r\n"));
    }

    [Fact]
    public async Task Tables_with_the_same_slug_get_distinct_files()
    {
        var report = ReviewReportSamples.Report();
        var twin = ReportTable.Of("Văn  bản!", "Phụ lục 3", [new("Số", CellKind.Integer, 6)], [[1]]);

        var files = await WriteAsync(report with { Details = [.. report.Details, twin] });

        Assert.Contains("van-ban.csv", files.Keys);
        Assert.Equal([["Số"], ["1"]], Rfc4180.Parse(Text(files["van-ban-2.csv"])));
    }

    [Theory]
    [InlineData("Tổng hợp Đột phá 1: Quá hạn", "tong-hop-dot-pha-1-qua-han")]
    [InlineData("ĐƠN VỊ (Sở Nội vụ)", "don-vi-so-noi-vu")]
    [InlineData("???", "bang")]
    public void Slugs_are_lower_case_ASCII_without_marks(string name, string slug) => Assert.Equal(slug, FileSlug.Of(name));

    [Fact]
    public async Task Progress_ends_at_the_total_rows_of_all_tables()
    {
        var log = new ProgressLog();
        await WriteAsync(ReviewReportSamples.Large(2500), log);

        Assert.Equal([1000, 2000, 2503], log.Reports.Select(p => p.Done).ToArray());
        Assert.Equal(new ExportProgress(2503, 2503), log.Reports[^1]);
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        using var cancel = new CancellationTokenSource();
        var log = new ProgressLog(p => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CsvReportWriter().WriteAsync(ReviewReportSamples.Large(50_000), ReviewReportSamples.Stamp, Stream.Null, log, cancel.Token));
        Assert.Equal(1000, Assert.Single(log.Reports).Done);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"Mở\")", "'=HYPERLINK(\"http://x\",\"Mở\")")]
    [InlineData("+84 292 3822", "'+84 292 3822")]
    [InlineData("- Đã hoàn thành khảo sát", "'- Đã hoàn thành khảo sát")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Đã hoàn thành khảo sát", "Đã hoàn thành khảo sát")]
    [InlineData("", "")]
    public void A_text_a_spreadsheet_would_run_as_a_formula_is_made_inert(string text, string written) =>
        Assert.Equal(written, CsvReportWriter.Inert(text));
}
