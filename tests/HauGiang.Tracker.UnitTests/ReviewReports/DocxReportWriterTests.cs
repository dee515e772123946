using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.ReviewReports;
using static HauGiang.Tracker.UnitTests.ReviewReports.PrintedReportSamples;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

/// <summary>The Word report opened back with the Open XML SDK: the same content as the PDF, a valid document, A4, a repeating header row and page fields.</summary>
public class DocxReportWriterTests
{
    private readonly DocxReportWriter _writer = new();

    [Theory]
    [InlineData(IssuerForm.Party)]
    [InlineData(IssuerForm.State)]
    public async Task The_document_carries_the_head_sections_and_appendix_tables(IssuerForm form)
    {
        var bytes = await WriteAsync(_writer, Report(form));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var head = Assert.IsType<Table>(body.FirstChild);
        var cells = head.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Contains(Issuer(form), cells[0].InnerText, StringComparison.Ordinal);
        Assert.Contains(Motto(form), cells[1].InnerText, StringComparison.Ordinal);
        Assert.Contains("Hậu Giang, ngày 02 tháng 12 năm 2026", cells[1].InnerText, StringComparison.Ordinal);
        Assert.True(cells[1].Descendants<Run>().Single(r => r.InnerText.StartsWith("Hậu Giang", StringComparison.Ordinal)).RunProperties?.Italic is not null);
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        foreach (var expected in new[]
        {
            "BÁO CÁO", Subject, "I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Đột phá phát triển nguồn nhân lực", ParagraphText, LeadText + " hoàn thành đề án",
            "- Đột phá 2: ưu tiên", "PHỤ LỤC", "Tổng hợp kết quả theo khâu Đột phá", "Xếp theo thứ tự khâu đột phá trong Nghị quyết.",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(NotPrinted, body.InnerText, StringComparison.Ordinal);
        Assert.Equal(form == IssuerForm.State, cells[1].InnerText.Contains("Độc lập - Tự do - Hạnh phúc", StringComparison.Ordinal));

        var summary = body.Elements<Table>().ElementAt(1);
        var rows = summary.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows[0].Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        Assert.Equal(["Khâu đột phá", "Số nhiệm vụ", "Tỷ lệ hoàn thành", "Hạn gần nhất", "Cập nhật lúc"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["Đột phá 1: Nguồn nhân lực", "1.234", "45,6%", "31/12/2025", "01/01/2026 00:30"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        var widths = summary.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(30.0 / 16, (double)widths[0] / widths[4], 0.01);

        var section = body.GetFirstChild<SectionProperties>()!;
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
        var footer = document.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(Stamp.Footer, footer.InnerText, StringComparison.Ordinal);
        Assert.Contains("Trang ", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        Assert.Empty(document.MainDocumentPart.HeaderParts);
        Assert.Equal(Subject, document.PackageProperties.Title);
        Assert.Equal(Stamp.IssuedBy, document.PackageProperties.Creator);
    }

    [Fact]
    public async Task The_document_is_valid_WordprocessingML()
    {
        var bytes = await WriteAsync(_writer, Report(IssuerForm.State, provisional: true));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_provisional_report_says_so_in_the_page_header()
    {
        var bytes = await WriteAsync(_writer, Report(IssuerForm.State, provisional: true));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Contains("TẠM TÍNH", document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        Assert.NotNull(document.MainDocumentPart.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<HeaderReference>());
    }

    [Fact]
    public async Task Every_streamed_row_becomes_a_table_row_and_progress_reaches_the_total()
    {
        var progress = new Recorder();
        await WriteAsync(_writer, Report(IssuerForm.Party, detailRows: 10));
        var clock = Stopwatch.StartNew();
        var bytes = await WriteAsync(_writer, Report(IssuerForm.Party, detailRows: 1500), progress);
        clock.Stop();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var detail = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        var rows = detail.Elements<TableRow>().ToList();
        Assert.Equal(1501, rows.Count);
        Assert.Equal(DetailHeader, rows[0].Elements<TableCell>().ElementAt(2).InnerText);
        Assert.Equal("NV-1500", rows[^1].Elements<TableCell>().First().InnerText);
        Assert.Equal(new ExportProgress(1502, 1502), progress.Reports[^1]);
        // The time is for the log; the benchmark (./scripts/bench.sh --review) measures it.
        TestContext.Current.TestOutputHelper?.WriteLine($"1,500 rows, {bytes.Length} bytes in {clock.ElapsedMilliseconds} ms");
    }
}
