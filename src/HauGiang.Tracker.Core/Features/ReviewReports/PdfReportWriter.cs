using System.Globalization;
using HauGiang.Tracker.Core.Features.Roadmap;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The review report as a printed PDF in the form of a Vietnamese administrative document: the head in two columns
/// (issuer and number left, motto and date right), the title, the sections, then the printed tables as appendices;
/// every page carries the stamp and "Trang x/y". The font is embedded whole.
/// </summary>
public sealed class PdfReportWriter : IReviewReportWriter
{
    private const int ProgressStep = 100;
    private static readonly XPen Rule = new(XColors.Black, 0.6);

    public ReportFormat Format => ReportFormat.Pdf;

    public string ContentType => "application/pdf";

    public string Extension => ".pdf";

    public async Task WriteAsync(ReviewReport report, ExportStamp stamp, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(output);
        RoadmapFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = PdfSheet.Nfc(report.Header.Subject);
        document.Info.Author = PdfSheet.Nfc(stamp.IssuedBy);
        using (var sheet = new PdfSheet(document, report.Header.Provisional))
        {
            sheet.NewPage();
            PdfReportHead.Draw(sheet, report.Header, Rule);
            foreach (var section in report.Sections)
            {
                ct.ThrowIfCancellationRequested();
                Section(sheet, section, 0);
            }
            await Appendices(sheet, report, progress, ct).ConfigureAwait(false);
        }
        Footers(document, stamp);
        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct).ConfigureAwait(false);
    }

    private static void Section(PdfSheet sheet, ReportSection section, int depth)
    {
        var heading = depth == 0 ? sheet.Fonts.Bold : sheet.Fonts.BoldItalic;
        sheet.Y += 6;
        // A heading never ends a page: keep it with the first line after it.
        sheet.Ensure(heading.GetHeight() * 2.5);
        sheet.Paragraph([new TextRun(section.Heading, heading)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Left);
        sheet.Y += 2;
        var indent = XUnit.FromMillimeter(10).Point;
        foreach (var paragraph in section.Paragraphs)
        {
            List<TextRun> runs = paragraph.Lead is { Length: > 0 } lead
                ? [new(lead, sheet.Fonts.Bold), new(paragraph.Text, sheet.Fonts.Text)]
                : [new(paragraph.Text, sheet.Fonts.Text)];
            if (paragraph.Bullet)
            {
                var hanging = XUnit.FromMillimeter(5).Point;
                sheet.Paragraph(runs, PdfSheet.Left + indent + hanging, PdfSheet.TextWidth - indent - hanging, TextAlign.Justify, bullet: "- ");
            }
            else
            {
                sheet.Paragraph(runs, PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Justify, firstIndent: indent);
            }
            sheet.Y += 3;
        }
        foreach (var subsection in section.Subsections)
        {
            Section(sheet, subsection, depth + 1);
        }
    }

    private static async Task Appendices(PdfSheet sheet, ReviewReport report, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        var tables = report.Summary.Concat(report.Details).Where(t => t.Printed).ToList();
        if (tables.Count == 0)
        {
            return;
        }
        var total = tables.Sum(t => (long)t.RowCount);
        var done = 0L;
        sheet.NewPage();
        sheet.Y = sheet.Centered("PHỤ LỤC", sheet.Fonts.Title, PdfSheet.Left, PdfSheet.TextWidth, sheet.Y) + 8;
        foreach (var table in tables)
        {
            ct.ThrowIfCancellationRequested();
            var grid = new PdfAppendixTable(sheet, table.Columns);
            sheet.Y += 8;
            sheet.Ensure(sheet.Fonts.Bold.GetHeight() * 3 + grid.HeaderHeight + sheet.Fonts.Cell.GetHeight() * 2);
            sheet.Paragraph([new TextRun(table.Title, sheet.Fonts.Bold)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Center);
            if (table.Note is { Length: > 0 } note)
            {
                sheet.Paragraph([new TextRun(note, sheet.Fonts.Italic)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Center);
            }
            sheet.Y += 4;
            grid.Header();
            await foreach (var row in table.Rows(ct).WithCancellation(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                grid.Row(row);
                if (++done % ProgressStep == 0)
                {
                    progress?.Report(new ExportProgress(done, total));
                }
            }
        }
        progress?.Report(new ExportProgress(done, total));
    }

    // Page numbers need the page count, known only once every page exists: each page is opened again to add them.
    private static void Footers(PdfDocument document, ExportStamp stamp)
    {
        var fonts = new PdfFonts();
        var count = document.PageCount;
        var y = PdfSheet.PageHeight - XUnit.FromMillimeter(13).Point;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawLine(new XPen(XColors.Gray, 0.4), PdfSheet.Left, y - 3, PdfSheet.RightEdge, y - 3);
            gfx.DrawString(PdfSheet.Nfc(stamp.Footer), fonts.Footer, XBrushes.Black, PdfSheet.Left, y, XStringFormats.TopLeft);
            var number = string.Create(CultureInfo.InvariantCulture, $"Trang {i + 1}/{count}");
            gfx.DrawString(number, fonts.Footer, XBrushes.Black, PdfSheet.RightEdge, y, XStringFormats.TopRight);
        }
    }
}
