using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HauGiang.Tracker.Core.Features.ReviewReports;
using static HauGiang.Tracker.UnitTests.ReviewReports.XlsxReading;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

public class XlsxReportWriterTests
{
    private static async Task<MemoryStream> WriteAsync(ReviewReport report, IProgress<ExportProgress>? progress = null, CancellationTokenSource? cancel = null)
    {
        var buffer = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(report, ReviewReportSamples.Stamp, buffer, progress, cancel?.Token ?? TestContext.Current.CancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public async Task The_workbook_is_valid_with_the_summary_sheet_first_and_a_sheet_per_detail_table()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report()), false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken));
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal(["Tổng hợp", "Nhiệm vụ Đột phá 1", "Văn bản"], names);
        Assert.Equal("Kết quả thực hiện Chương trình 50-CTr/TU quý IV năm 2026", document.PackageProperties.Title);
        Assert.Equal("Nguyễn Văn An", document.PackageProperties.Creator);
    }

    [Fact]
    public async Task Sheet_names_stay_unique_and_within_Excels_31_characters()
    {
        var report = ReviewReportSamples.Report();
        var rows = new object?[][] { ["x"] };
        ReportColumn[] columns = [new("Cột", CellKind.Text, 10)];
        report = report with
        {
            Details =
            [
                ReportTable.Of("tổng hợp", "Trùng tên", columns, rows),
                ReportTable.Of("Danh mục nhiệm vụ quá hạn của các sở, ban, ngành", "Dài", columns, rows),
                ReportTable.Of("Danh mục nhiệm vụ quá hạn của các sở, ban, ngành", "Dài", columns, rows),
            ],
        };

        using var document = SpreadsheetDocument.Open(await WriteAsync(report), false);

        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal(["Tổng hợp", "tổng hợp (2)", "Danh mục nhiệm vụ quá hạn của c", "Danh mục nhiệm vụ quá hạn c (2)"], names);
        Assert.Equal("x", Text(Sheet(document, "Danh mục nhiệm vụ quá hạn c (2)"), "A2"));
    }

    [Fact]
    public async Task The_summary_sheet_stacks_the_head_the_summary_tables_and_the_stamp()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report()), false);
        var sheet = Sheet(document, "Tổng hợp");

        var firstColumn = sheet.Descendants<Row>().Select(r => (r.RowIndex!.Value, Text(sheet, $"A{r.RowIndex}"))).ToArray();
        Assert.Equal<(uint, string?)>(
        [
            (1, "BÁO CÁO"), (2, "Kết quả thực hiện Chương trình 50-CTr/TU quý IV năm 2026"), (3, "Phạm vi: Đột phá 1"),
            (4, "Kỳ báo cáo: 01/10/2026 - 31/12/2026 (92 ngày)"), (5, "Số liệu chốt khi kỳ báo cáo đóng"),
            (7, "Bảng 1. Nhiệm vụ theo tình trạng"), (8, "Xếp theo số nhiệm vụ giảm dần."), (9, "Tình trạng"), (10, "Quá hạn"), (11, "Đúng hạn"),
            (13, "Bảng 2. Nhiệm vụ theo đơn vị"), (14, "Đơn vị"), (15, "Sở Kế hoạch và Đầu tư"),
            (17, ReviewReportSamples.Stamp.Footer),
        ], firstColumn);
        Assert.True(IsBold(document, Cell(sheet, "A7")!));
        Assert.True(IsBold(document, Cell(sheet, "C9")!));
        Assert.False(IsBold(document, Cell(sheet, "A10")!));
        Assert.Equal(4, Number(sheet, "B10"));
        Assert.Equal(0.25, Number(sheet, "C10"));
        Assert.Equal("0.0%", FormatCode(document, Cell(sheet, "C10")!));
        Assert.Equal(16, Number(sheet, "B15"));
    }

    [Fact]
    public async Task A_provisional_report_says_so_under_its_subject()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report(provisional: true)), false);
        var sheet = Sheet(document, "Tổng hợp");

        Assert.Equal("SỐ LIỆU TẠM TÍNH", Text(sheet, "A3"));
        Assert.Equal("Phạm vi: Đột phá 1", Text(sheet, "A4"));
    }

    [Fact]
    public async Task Detail_cells_keep_their_types()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report()), false);
        var sheet = Sheet(document, "Nhiệm vụ Đột phá 1");

        Assert.Equal(["Mã", "Đơn vị chủ trì", "Tình trạng", "Hạn", "Cập nhật lúc", "Tiến độ", "Số báo cáo"],
            "ABCDEFG".Select(c => Text(sheet, $"{c}1")).ToArray());
        Assert.All("ABCDEFG", c => Assert.True(IsBold(document, Cell(sheet, $"{c}1")!)));
        Assert.Equal("NV-01", Text(sheet, "A2"));
        Assert.Equal(ReviewReportSamples.Awkward, Text(sheet, "B2"));
        Assert.Equal(CellValues.InlineString, Cell(sheet, "B2")!.DataType!.Value);
        Assert.Equal(46112, Number(sheet, "D2"));
        Assert.Equal("dd/mm/yyyy", FormatCode(document, Cell(sheet, "D2")!));
        // 20:30 UTC on 30/11 is 03:30 on 01/12 in Vietnam.
        Assert.Equal(46357.145833, Number(sheet, "E2"), 6);
        Assert.Equal("dd/mm/yyyy hh:mm", FormatCode(document, Cell(sheet, "E2")!));
        Assert.Equal(0.456, Number(sheet, "F2"));
        Assert.Equal("0.0%", FormatCode(document, Cell(sheet, "F2")!));
        Assert.Equal(3, Number(sheet, "G2"));
        Assert.Null(Cell(sheet, "D3"));
        Assert.Null(Cell(sheet, "E3"));
        Assert.Equal(0, Number(sheet, "G3"));
    }

    [Fact]
    public async Task Detail_sheets_freeze_the_header_filter_the_rows_and_size_the_columns()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report()), false);

        foreach (var (name, range, columns) in new[] { ("Nhiệm vụ Đột phá 1", "A1:G3", 7), ("Văn bản", "A1:A2", 1) })
        {
            var sheet = Sheet(document, name);
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal(range, sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.Equal(columns, sheet.Descendants<Column>().Count());
        }
        var widths = Sheet(document, "Nhiệm vụ Đột phá 1").Descendants<Column>().Select(c => c.Width!.Value).ToArray();
        Assert.True(widths[1] >= 30 && widths[1] < 32, $"width {widths[1]}");
        Assert.True(widths[0] >= 8 && widths[0] < 10, $"width {widths[0]}");
        Assert.Empty(Sheet(document, "Tổng hợp").Descendants<Pane>());
    }

    [Fact]
    public async Task Every_sheet_footer_carries_the_stamp_and_the_page_numbers()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(ReviewReportSamples.Report()), false);

        foreach (var name in new[] { "Tổng hợp", "Nhiệm vụ Đột phá 1", "Văn bản" })
        {
            var footer = Sheet(document, name).Descendants<OddFooter>().Single().Text;
            Assert.Contains("Mã kiểm tra 1A2B-3C4D-5E6F", footer, StringComparison.Ordinal);
            Assert.Contains("Tạo lúc 14:05 ngày 02/12/2026", footer, StringComparison.Ordinal);
            Assert.Contains("Trang &P/&N", footer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Progress_is_reported_as_rows_are_written_and_ends_at_the_total()
    {
        var log = new ProgressLog();
        await WriteAsync(ReviewReportSamples.Large(4500), log);

        const long total = 4500 + 3;
        Assert.Equal(new ExportProgress(total, total), log.Reports[^1]);
        Assert.Equal([1000, 2000, 3000, 4000, total], log.Reports.Select(p => p.Done).ToArray());
        Assert.All(log.Reports, p => Assert.Equal(total, p.Total));
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        using var cancel = new CancellationTokenSource();
        var log = new ProgressLog(p => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WriteAsync(ReviewReportSamples.Large(50_000), log, cancel));
        Assert.Equal(1000, Assert.Single(log.Reports).Done);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_still_gets_the_whole_workbook()
    {
        using var buffer = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            await new XlsxReportWriter().WriteAsync(ReviewReportSamples.Report(), ReviewReportSamples.Stamp, forwardOnly, null, TestContext.Current.CancellationToken);
        }
        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, false);
        Assert.Equal("NV-01", Text(Sheet(document, "Nhiệm vụ Đột phá 1"), "A2"));
    }

    [Fact]
    public async Task A_hundred_thousand_rows_stream_out_whole()
    {
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes();
        using var buffer = await WriteAsync(ReviewReportSamples.Large(100_000));
        watch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"100000 x 12: {watch.ElapsedMilliseconds} ms, {buffer.Length / 1024} KiB, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");

        using var document = SpreadsheetDocument.Open(buffer, false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        using var reader = OpenXmlReader.Create(part);
        uint last = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                last = ((Row)reader.LoadCurrentElement()!).RowIndex!.Value;
            }
        }
        // How fast is measured by the benchmark (./scripts/bench.sh --review), not here: the time printed above is for the
        // reader of the log; a bound would fail on a busy machine and catch nothing the benchmark does not.
        Assert.Equal(100_001u, last);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
