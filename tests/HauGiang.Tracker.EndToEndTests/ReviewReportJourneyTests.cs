using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// An auditor exports the closed quarter as Excel and PDF from "Báo cáo kiểm điểm": the downloads are valid files
/// with the Vietnamese title, and "Kiểm tra bản in" recognises the PDF by its code and by the file itself.
/// </summary>
public class ReviewReportJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private const string Quarter = "Quý III/2026";
    // The first answer can be slow when the whole suite shares two cores.
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };

    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
        var auditor = await TestUsers.CreateAsync(_app.Services, "kiemtra@thu.local", Roles.Auditor);
        await _page.SignInAsync(auditor.Email!);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(string Path, string Name)> ExportAsync(string format)
    {
        await _page.Locator($"[data-export={format}]").ClickAsync();
        // The link of this file, not the one of the file before it (still shown until the click reaches the server).
        var link = _page.Locator($"[data-testid=export-link][download$='.{format}']");
        await Assertions.Expect(link).ToBeVisibleAsync(Slow);
        var download = await _page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        return (await download.PathAsync(), download.SuggestedFilename);
    }

    [Fact]
    public async Task An_auditor_exports_the_quarter_as_Excel_and_PDF_and_checks_the_PDF()
    {
        await _page.GotoInteractiveAsync("/");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo kiểm điểm", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=report-subject]")).ToBeVisibleAsync(Slow);
        await _page.Locator("[data-control=period]").ClickAsync();
        await _page.GetByRole(AriaRole.Option, new() { Name = $"{Quarter} (đã chốt)", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=report-subject]")).ToContainTextAsync(Quarter, new() { Timeout = 30_000 });
        var subject = (await _page.Locator("[data-testid=report-subject]").InnerTextAsync()).Trim();
        // The choice is in the URL: the same address in a new tab shows the same report.
        Assert.Matches(@"[?&]ky=\d+", _page.Url);
        var copy = await _page.Context.NewPageAsync();
        await copy.GotoInteractiveAsync(new Uri(_page.Url).PathAndQuery);
        await Assertions.Expect(copy.Locator("[data-testid=report-subject]")).ToHaveTextAsync(subject, new() { Timeout = 30_000 });
        await copy.CloseAsync();

        var (xlsxPath, xlsxName) = await ExportAsync("xlsx");
        Assert.EndsWith(".xlsx", xlsxName, StringComparison.Ordinal);
        using (var workbook = SpreadsheetDocument.Open(xlsxPath, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal("Tổng hợp", sheets[0]);
            var first = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets.Elements<Sheet>().First().Id!);
            var texts = first.Worksheet!.Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Contains(subject, texts);
        }

        var (pdfPath, pdfName) = await ExportAsync("pdf");
        Assert.EndsWith(".pdf", pdfName, StringComparison.Ordinal);
        var code = (await _page.Locator("[data-testid=export-done]").GetAttributeAsync("data-code"))!;
        await Assertions.Expect(_page.Locator("[data-testid=export-done]")).ToContainTextAsync($"mã kiểm tra {code}");
        using (var pdf = PdfDocument.Open(pdfPath))
        {
            var page1 = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("BÁO CÁO", page1, StringComparison.Ordinal);
            Assert.Contains(Quarter, page1, StringComparison.Ordinal);
            Assert.Contains(code, page1, StringComparison.Ordinal);
        }

        await _page.GetByRole(AriaRole.Link, new() { Name = "Kiểm tra bản in", Exact = true }).ClickAsync();
        await _page.Locator("[data-field=code] input, input[data-field=code]").FillAsync(code);
        await _page.Locator("[data-testid=check-code]").ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=verify-result]")).ToHaveAttributeAsync("data-issued", "true");
        await _page.Locator("input[type=file]").SetBlazorInputFilesAsync(new FilePayload
        {
            Name = pdfName,
            MimeType = "application/pdf",
            Buffer = await File.ReadAllBytesAsync(pdfPath, TestContext.Current.CancellationToken),
        });
        await Assertions.Expect(_page.Locator("[data-testid=verify-result]")).ToContainTextAsync("Tệp này do hệ thống phát hành", new() { Timeout = 30_000 });
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task The_report_page_passes_axe_and_fits_both_widths()
    {
        foreach (var width in new[] { 1366, 1024 })
        {
            await _page.SetViewportSizeAsync(width, 768);
            await _page.GotoInteractiveAsync("/bao-cao-kiem-diem");
            await Assertions.Expect(_page.Locator("[data-testid=report-preview]")).ToBeVisibleAsync(Slow);

            var result = await _page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
            Assert.Empty(serious);
            Assert.True(await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page is wider than {width}px");
        }
        Assert.Empty(Browser.ConsoleErrors(_page));
    }
}
