using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The review report as a workbook: a "Tổng hợp" sheet with the report's head and its summary tables, then one
/// sheet per detail table (bold frozen header, filter, typed cells). Worksheets are streamed with
/// <see cref="OpenXmlWriter"/> into zip entries written in order, so memory stays flat however many rows a table
/// has. The output need not be seekable, but it is written synchronously: give it a file (or a buffered stream),
/// not a response body that forbids synchronous writes.
/// </summary>
public sealed class XlsxReportWriter : IReviewReportWriter
{
    public const string SummarySheet = "Tổng hợp";
    private const string ProvisionalMark = "SỐ LIỆU TẠM TÍNH";

    public ReportFormat Format => ReportFormat.Xlsx;

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => ".xlsx";

    public async Task WriteAsync(ReviewReport report, ExportStamp stamp, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(output);
        var counter = new ProgressCounter(progress, CellConversion.TotalRows(report));
        var names = new SheetNames();
        var sheets = report.Details.Select(t => t.Name).Prepend(SummarySheet).Select(names.Unique).ToList();
        var filters = new DefinedNames();
        await using var package = new XlsxPackage(output);

        await using (var part = package.Entry(XlsxPackage.SheetPath(0)))
        {
            await WriteSummaryAsync(part, report, stamp, counter, ct);
        }
        for (var i = 0; i < report.Details.Count; i++)
        {
            await using var part = package.Entry(XlsxPackage.SheetPath(i + 1));
            var range = await WriteDetailAsync(part, report.Details[i], stamp, counter, ct);
            filters.Append(new DefinedName($"'{sheets[i + 1].Replace("'", "''", StringComparison.Ordinal)}'!{range}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i + 1,
                Hidden = true,
            });
        }
        await package.WriteFixedPartsAsync(sheets, filters, report.Header.Subject, stamp.IssuedBy, stamp.GeneratedAt);
        counter.Finish();
    }

    private static async Task WriteSummaryAsync(Stream part, ReviewReport report, ExportStamp stamp, ProgressCounter counter, CancellationToken ct)
    {
        var widths = Enumerable.Range(0, report.Summary.Select(t => t.Columns.Count).DefaultIfEmpty(0).Max())
            .Select(i => report.Summary.Where(t => t.Columns.Count > i).Max(t => t.Columns[i].Width))
            .ToList();
        using var sheet = new XlsxSheetStream(part, widths, freezeHeader: false);
        var head = report.Header;
        sheet.Line(head.Title, XlsxStyles.Title);
        sheet.Line(head.Subject, XlsxStyles.Bold);
        if (head.Provisional)
        {
            sheet.Line(ProvisionalMark, XlsxStyles.Bold);
        }
        sheet.Line(head.ScopeLine, XlsxStyles.Plain);
        sheet.Line(head.PeriodLine, XlsxStyles.Plain);
        sheet.Line(head.BasisLine, head.Provisional ? XlsxStyles.Italic : XlsxStyles.Plain);
        sheet.Skip();
        foreach (var table in report.Summary)
        {
            sheet.Line(table.Title, XlsxStyles.Bold);
            if (table.Note is { } note)
            {
                sheet.Line(note, XlsxStyles.Italic);
            }
            sheet.Header(table.Columns);
            await foreach (var row in table.Rows(ct).WithCancellation(ct))
            {
                ct.ThrowIfCancellationRequested();
                sheet.Values(table.Columns, row);
                counter.Row();
            }
            sheet.Skip();
        }
        sheet.Line(stamp.Footer, XlsxStyles.Italic);
        sheet.Finish(null, stamp.Footer);
    }

    /// <returns>The absolute range of the header and the rows, for the filter's defined name.</returns>
    private static async Task<string> WriteDetailAsync(Stream part, ReportTable table, ExportStamp stamp, ProgressCounter counter, CancellationToken ct)
    {
        using var sheet = new XlsxSheetStream(part, table.Columns.Select(c => c.Width).ToList(), freezeHeader: true);
        sheet.Header(table.Columns);
        await foreach (var row in table.Rows(ct).WithCancellation(ct))
        {
            ct.ThrowIfCancellationRequested();
            sheet.Values(table.Columns, row);
            counter.Row();
        }
        var last = sheet.Letter(Math.Max(table.Columns.Count, 1) - 1);
        sheet.Finish($"A1:{last}{sheet.RowNumber}", stamp.Footer);
        return $"$A$1:${last}${sheet.RowNumber}";
    }
}
