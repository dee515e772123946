using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.ReviewReports;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.IntegrationTests.ReviewReports;

/// <summary>
/// Issuing a review report as a file: each issuance is on record (its own row and an audit row of category Export
/// with the hashes), every page carries the code, and "Kiểm tra bản in" accepts the file as issued and refuses it
/// with one byte changed. A cancelled export issues nothing.
/// </summary>
public class ReviewExportTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private static readonly Actor Auditor = new("auditor-1", "Kiểm tra thử", new HashSet<string> { Roles.Auditor }, new HashSet<int>());
    private static readonly ItemFilter Samples = ItemFilter.Real with { Samples = true };

    private async Task<ReviewReportRequest> ClosedQuarterAsync()
    {
        var period = await PeriodAsync("Quý III/2026");
        return new ReviewReportRequest(period.ProgramId, period.Id, null, null, Samples);
    }

    [Fact]
    public async Task An_issued_PDF_is_on_record_carries_its_code_on_every_page_and_is_recognised_until_altered()
    {
        var request = await ClosedQuarterAsync();
        using var file = new MemoryStream();

        var (issued, error) = await Get<ReviewExportService>().ExportAsync(Auditor, request, ReportFormat.Pdf, file, null, Ct);

        Assert.Null(error);
        var bytes = file.ToArray();
        Assert.Equal(bytes.LongLength, issued!.Size);
        var code = ReviewExportService.Code(issued.ContentHash);
        using (var pdf = PdfDocument.Open(bytes))
        {
            var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC)).ToList();
            Assert.All(pages, text => Assert.Contains(code, text, StringComparison.Ordinal));
            Assert.Contains("BÁO CÁO", pages[0], StringComparison.Ordinal);
            Assert.Contains("Quý III/2026", pages[0], StringComparison.Ordinal);
        }

        await using (var db = Database.NewContext())
        {
            var row = await db.IssuedExports.SingleAsync(e => e.Id == issued.Id, Ct);
            Assert.Equal(("pdf", Auditor.UserName, request.PeriodId), (row.Format, row.IssuedBy, row.PeriodId));
            var audit = await db.AuditEntries.SingleAsync(a => a.Category == AuditCategory.Export && a.EntityKey == issued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
            Assert.Equal((Auditor.UserId, ReviewExportService.ExportedAction), (audit.UserId, audit.Action));
            using var after = JsonDocument.Parse(audit.After!);
            Assert.Equal(issued.ContentHash, after.RootElement.GetProperty("contentHash").GetString());
            Assert.Equal(issued.FileHash, after.RootElement.GetProperty("fileHash").GetString());
            Assert.Contains("Quý III/2026", after.RootElement.GetProperty("period").GetString(), StringComparison.Ordinal);
        }

        var exports = Get<IssuedExportChecker>();
        var byFile = await exports.VerifyFileAsync(new MemoryStream(bytes), Ct);
        Assert.Equal(issued.Id, Assert.Single(byFile.Matches).Id);
        var (byCode, _) = await exports.VerifyCodeAsync(code.ToLowerInvariant(), Ct);
        Assert.Equal(issued.Id, Assert.Single(byCode!.Matches).Id);

        var altered = (byte[])bytes.Clone();
        altered[altered.Length / 2] ^= 0x01;
        Assert.Empty((await exports.VerifyFileAsync(new MemoryStream(altered), Ct)).Matches);
        var (unknown, _) = await exports.VerifyCodeAsync("0000-0000-0000", Ct);
        Assert.Empty(unknown!.Matches);
        var (_, refused) = await exports.VerifyCodeAsync("không phải mã", Ct);
        Assert.StartsWith("Nhập mã kiểm tra", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Word_file_says_what_the_PDF_says_and_has_its_own_code()
    {
        var request = await ClosedQuarterAsync();
        var exports = Get<ReviewExportService>();
        using var pdfFile = new MemoryStream();
        using var docxFile = new MemoryStream();
        var (pdf, _) = await exports.ExportAsync(Leader, request, ReportFormat.Pdf, pdfFile, null, Ct);
        var (docx, _) = await exports.ExportAsync(Leader, request, ReportFormat.Docx, docxFile, null, Ct);

        Assert.NotEqual(pdf!.ContentHash, docx!.ContentHash);
        using var word = WordprocessingDocument.Open(docxFile, false);
        var body = word.MainDocumentPart!.Document!.Body!.InnerText.Normalize(NormalizationForm.FormC);
        Assert.Contains(docx.Subject, body, StringComparison.Ordinal);
        Assert.Contains("I. KẾT QUẢ ĐẠT ĐƯỢC", body, StringComparison.Ordinal);
        Assert.Contains("II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN", body, StringComparison.Ordinal);
        Assert.Contains("III. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI", body, StringComparison.Ordinal);
        var footer = string.Concat(word.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText));
        Assert.Contains(ReviewExportService.Code(docx.ContentHash), footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_and_the_CSV_carry_the_overview_s_counts_as_numbers()
    {
        var request = await ClosedQuarterAsync();
        var overview = (await Get<OverviewService>().OverviewAsync(new FactsRequest(request.ProgramId, PeriodId: request.PeriodId), Samples, Ct))!;
        var c = overview.Figures.Counts;
        var expected = new Dictionary<string, int>
        {
            ["Tổng số nhiệm vụ, văn bản"] = c.Total,
            ["Đã hoàn thành đúng hạn"] = c.DoneOnTime,
            ["Đã hoàn thành quá hạn"] = c.DoneLate,
            ["Chưa hoàn thành, trong hạn"] = c.OpenWithinDeadline,
            ["Chưa hoàn thành, quá hạn"] = c.Overdue,
            ["Chưa xác định thời hạn"] = c.Undated,
        };
        var exports = Get<ReviewExportService>();

        using var xlsx = new MemoryStream();
        await exports.ExportAsync(Auditor, request, ReportFormat.Xlsx, xlsx, null, Ct);
        using (var workbook = SpreadsheetDocument.Open(xlsx, false))
        {
            var part = workbook.WorkbookPart!;
            var sheet = part.Workbook!.Sheets!.Elements<Sheet>().First();
            Assert.Equal("Tổng hợp", sheet.Name!.Value);
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>().ToList();
            foreach (var (label, count) in expected)
            {
                var row = rows.First(r => r.Elements<Cell>().FirstOrDefault()?.InnerText == label);
                var number = row.Elements<Cell>().ElementAt(1);
                Assert.NotEqual(CellValues.InlineString, number.DataType?.Value);
                Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), number.CellValue!.Text);
            }
        }

        using var zip = new MemoryStream();
        await exports.ExportAsync(Auditor, request, ReportFormat.Csv, zip, null, Ct);
        using var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Read);
        var entry = archive.Entries.First(e => e.Name.StartsWith("tinh-hinh", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var (label, count) in expected)
        {
            var fields = lines.Single(l => l.StartsWith(label + ",", StringComparison.Ordinal) || l.StartsWith($"\"{label}\",", StringComparison.Ordinal));
            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[(fields.LastIndexOf(label, StringComparison.Ordinal) + label.Length)..].TrimStart('"').Split(',')[1]);
        }
    }

    [Fact]
    public async Task A_cancelled_export_issues_nothing()
    {
        var request = await ClosedQuarterAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Get<ReviewExportService>().ExportAsync(Auditor, request, ReportFormat.Pdf, new MemoryStream(), null, cts.Token));

        await using var db = Database.NewContext();
        Assert.False(await db.IssuedExports.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Category == AuditCategory.Export, Ct));
    }
}
