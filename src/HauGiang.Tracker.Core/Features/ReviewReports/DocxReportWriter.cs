using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HauGiang.Tracker.Core.Domain.Rules;
using static HauGiang.Tracker.Core.Features.ReviewReports.DocxBlocks;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The review report as a Word document laid out like the PDF: Times New Roman 13 pt on A4 with the administrative
/// margins, the head as a borderless two-column table, the sections, the printed tables as appendices with a header
/// row Word repeats on each page, and a footer with the stamp and "Trang x/y" (PAGE and NUMPAGES fields).
/// </summary>
public sealed class DocxReportWriter : IReviewReportWriter
{
    private const int ProgressStep = 100;
    private const int LeftCell = 3900;

    public ReportFormat Format => ReportFormat.Docx;

    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Extension => ".docx";

    public async Task WriteAsync(ReviewReport report, ExportStamp stamp, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = report.Header.Subject;
            document.PackageProperties.Creator = stamp.IssuedBy;
            var main = document.AddMainDocumentPart();
            DocxParts.AddStyles(main);
            var body = new Body();
            Head(body, report.Header);
            foreach (var section in report.Sections)
            {
                ct.ThrowIfCancellationRequested();
                Section(body, section, 0);
            }
            await Appendices(body, report, progress, ct).ConfigureAwait(false);
            body.Append(DocxParts.Page(main, stamp, report.Header.Provisional));
            main.Document = new Document(body);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct).ConfigureAwait(false);
    }

    private static void Head(Body body, ReportHeader header)
    {
        var left = new List<OpenXmlElement>();
        if (header.IssuerParent is { Length: > 0 } parent)
        {
            left.Add(Centered(Text(parent.ToUpperInvariant())));
        }
        left.Add(Centered(Text(header.Issuer.ToUpperInvariant(), bold: true)));
        left.Add(header.Form == IssuerForm.Party ? Centered(Text("*", bold: true)) : ShortRule(LeftCell, 1200));
        left.Add(Centered(Text(header.Number)));
        var right = new List<OpenXmlElement> { Centered(Text(header.Motto, bold: true, underline: header.MottoLine is null)) };
        if (header.MottoLine is { Length: > 0 } line)
        {
            right.Add(Centered(Text(line, bold: true, underline: true)));
        }
        right.Add(Para(JustificationValues.Center, [Text(header.PlaceAndDate, italic: true)], before: 200));
        var table = Table([LeftCell, TextWidth - LeftCell], borders: false);
        table.Append(new TableRow(Cell(LeftCell, left), Cell(TextWidth - LeftCell, right)));
        body.Append(table);

        body.Append(Para(JustificationValues.Center, [Text(header.Title, bold: true, halfPoints: 30)], before: 480, after: 60));
        body.Append(Centered(Text(header.Subject, bold: true, halfPoints: 28), after: 120));
        body.Append(Centered(Text(header.ScopeLine)));
        body.Append(Centered(Text(header.PeriodLine)));
        body.Append(Centered(Text(header.BasisLine, italic: true, halfPoints: 24), after: 240));
    }

    private static void Section(Body body, ReportSection section, int depth)
    {
        body.Append(Para(JustificationValues.Both, [Text(section.Heading, bold: true, italic: depth > 0)], before: 120, after: 60, keepNext: true));
        foreach (var paragraph in section.Paragraphs)
        {
            var runs = new List<OpenXmlElement>();
            if (paragraph.Bullet)
            {
                runs.Add(Text("- "));
            }
            if (paragraph.Lead is { Length: > 0 } lead)
            {
                runs.Add(Text(lead + " ", bold: true));
            }
            runs.Add(Text(paragraph.Text));
            var indent = paragraph.Bullet
                ? new Indentation { Left = Twips(567 + 284), Hanging = Twips(284) }
                : new Indentation { FirstLine = Twips(567) };
            body.Append(Para(JustificationValues.Both, runs, after: 80, indent: indent));
        }
        foreach (var subsection in section.Subsections)
        {
            Section(body, subsection, depth + 1);
        }
    }

    private static async Task Appendices(Body body, ReviewReport report, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        var tables = report.Summary.Concat(report.Details).Where(t => t.Printed).ToList();
        if (tables.Count == 0)
        {
            return;
        }
        var total = tables.Sum(t => (long)t.RowCount);
        var done = 0L;
        body.Append(Para(JustificationValues.Center, [Text("PHỤ LỤC", bold: true, halfPoints: 28)], after: 120, pageBreakBefore: true));
        foreach (var table in tables)
        {
            ct.ThrowIfCancellationRequested();
            body.Append(Para(JustificationValues.Center, [Text(table.Title, bold: true)], before: 240, keepNext: true));
            if (table.Note is { Length: > 0 } note)
            {
                body.Append(Para(JustificationValues.Center, [Text(note, italic: true)], keepNext: true));
            }
            body.Append(Para(JustificationValues.Left, [], after: 60, keepNext: true));
            var grid = new DocxAppendixTable(table.Columns);
            var word = grid.Start();
            await foreach (var row in table.Rows(ct).WithCancellation(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                word.Append(grid.Row(row));
                if (++done % ProgressStep == 0)
                {
                    progress?.Report(new ExportProgress(done, total));
                }
            }
            body.Append(word);
        }
        progress?.Report(new ExportProgress(done, total));
    }
}
