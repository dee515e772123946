using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The review report's tables as CSV files in one zip: one file per summary and detail table (named by the
/// ASCII slug of the table's name), then "ma-kiem-tra.txt" with the stamp and the report's head. Every file is
/// UTF-8 with a BOM (so Excel reads the Vietnamese), RFC 4180 quoting, CRLF line ends. Values are machine-readable
/// and culture-free: integers plain, percents as a percent number with a '.' (45.6, the header says "(%)"), days
/// dd/MM/yyyy, instants in Vietnam's time dd/MM/yyyy HH:mm. Rows are streamed into each entry as they are read;
/// the zip is written in create mode, so the output need not be seekable (a file is what it is meant for: the
/// zip's headers are written synchronously).
/// </summary>
public sealed class CsvReportWriter : IReviewReportWriter
{
    public const string StampFile = "ma-kiem-tra.txt";
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public ReportFormat Format => ReportFormat.Csv;

    public string ContentType => "application/zip";

    public string Extension => ".zip";

    public async Task WriteAsync(ReviewReport report, ExportStamp stamp, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(output);
        var counter = new ProgressCounter(progress, CellConversion.TotalRows(report));
        var names = new FileSlug();
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        foreach (var table in report.Summary.Concat(report.Details))
        {
            await using var writer = Entry(zip, names.Unique(table.Name) + ".csv");
            await WriteLineAsync(writer, table.Columns.Select(Header));
            await foreach (var row in table.Rows(ct).WithCancellation(ct))
            {
                ct.ThrowIfCancellationRequested();
                await WriteLineAsync(writer, table.Columns.Select((c, i) => i < row.Length ? Value(c.Kind, row[i]) : ""));
                counter.Row();
            }
        }
        await using (var writer = Entry(zip, StampFile))
        {
            var head = report.Header;
            foreach (var line in new[] { stamp.Footer, head.Subject, head.ScopeLine, head.PeriodLine, head.BasisLine })
            {
                await writer.WriteAsync(line.Normalize(NormalizationForm.FormC));
                await writer.WriteAsync("\r\n");
            }
        }
        counter.Finish();
    }

    /// <summary>One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static StreamWriter Entry(ZipArchive zip, string name) =>
        new(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), Utf8WithBom, 65536) { NewLine = "\r\n" };

    private static string Header(ReportColumn column) =>
        column.Kind == CellKind.Percent && !column.Header.Contains('%', StringComparison.Ordinal) ? column.Header + " (%)" : column.Header;

    private static string Value(CellKind kind, object? value) => value is null ? "" : kind switch
    {
        CellKind.Integer => CellConversion.AsNumber(value).ToString(CultureInfo.InvariantCulture),
        CellKind.Percent => Math.Round(CellConversion.AsNumber(value) * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture),
        CellKind.Date => CellConversion.AsDay(value).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        CellKind.DateTime => CellConversion.InVietnam(CellConversion.AsInstant(value)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => Inert(CellConversion.AsText(value)),
    };

    /// <summary>
    /// A text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return: a
    /// unit's report text could hold "=HYPERLINK(…)") gets a leading apostrophe, as OWASP advises for CSV files that
    /// are opened in Excel; numbers, days and instants are never text here, so they stay as they are.
    /// </summary>
    public static string Inert(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static async Task WriteLineAsync(StreamWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }
            await writer.WriteAsync(Quote(field.Normalize(NormalizationForm.FormC)));
            first = false;
        }
        await writer.WriteAsync("\r\n");
    }
}
