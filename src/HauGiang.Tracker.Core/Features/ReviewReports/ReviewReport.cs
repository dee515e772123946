using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>The files a review report is issued as.</summary>
public enum ReportFormat
{
    Xlsx,
    Pdf,
    Docx,
    Csv,
}

/// <summary>What a cell holds, so every format writes it as its type: Excel a date as a date, a percent as a percent.</summary>
public enum CellKind
{
    Text,
    Integer,
    /// <summary>A fraction (0.456 is 45,6 %).</summary>
    Percent,
    Date,
    /// <summary>A UTC instant, shown in Vietnam's time.</summary>
    DateTime,
}

/// <param name="Width">The column's width in characters, a hint for sheets and printed tables.</param>
public sealed record ReportColumn(string Header, CellKind Kind, double Width);

/// <summary>
/// One table of the report, in the same shape for every format. <see cref="Rows"/> streams (a detail table may hold
/// 100,000 report rows); each row has one value per column: <see cref="string"/>, <see cref="int"/>,
/// <see cref="decimal"/> (a percent's fraction), <see cref="DateOnly"/>, <see cref="System.DateTime"/> (UTC), or null.
/// </summary>
/// <param name="Name">The sheet's (and CSV file's) Vietnamese name, at most 31 characters, no <c>[]:*?/\</c>.</param>
/// <param name="Title">The table's caption in the printed report.</param>
/// <param name="Printed">Whether the PDF and Word report carry it as an appendix (detail tables too long to print live in the workbook and the CSV only).</param>
/// <param name="Note">A sentence under the title, e.g. the rule a ranking follows.</param>
public sealed record ReportTable(
    string Name,
    string Title,
    IReadOnlyList<ReportColumn> Columns,
    int RowCount,
    Func<CancellationToken, IAsyncEnumerable<object?[]>> Rows,
    bool Printed = true,
    string? Note = null)
{
    public static ReportTable Of(string name, string title, IReadOnlyList<ReportColumn> columns, IReadOnlyList<object?[]> rows, bool printed = true, string? note = null) =>
        new(name, title, columns, rows.Count, _ => rows.ToAsyncEnumerable(), printed, note);
}

/// <summary>A paragraph of the report's text; <see cref="Lead"/> is set in bold before the text (e.g. an item's code and unit).</summary>
public sealed record ReportParagraph(string Text, string? Lead = null, bool Bullet = false);

/// <summary>A numbered part of the report (I. Kết quả đạt được …), with its own subsections.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportParagraph> Paragraphs, IReadOnlyList<ReportSection> Subsections);

/// <summary>
/// The head of a Vietnamese administrative report in the form of the body that issues it (<see cref="IssuerForm"/>: a
/// Party body's, Hướng dẫn 36-HD/VPTW, or a state body's, Nghị định 30/2020/NĐ-CP). Party form: <see cref="Motto"/> is "ĐẢNG CỘNG SẢN VIỆT NAM" and
/// <see cref="MottoLine"/> is null; state form: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over "Độc lập - Tự do - Hạnh phúc".
/// </summary>
/// <param name="IssuerParent">The body above the issuer, top left (e.g. "THÀNH ỦY CẦN THƠ"); null when none.</param>
/// <param name="Issuer">The issuing body, top left, bold (e.g. "BAN THƯỜNG VỤ").</param>
/// <param name="Number">"Số       -BC/TU" with the number left for the office to fill.</param>
/// <param name="PlaceAndDate">Set in italics: "Cần Thơ, ngày 02 tháng 12 năm 2026".</param>
/// <param name="Title">"BÁO CÁO".</param>
/// <param name="Subject">What it reports on, bold under the title: the program and the period.</param>
/// <param name="ScopeLine">"Phạm vi: toàn Chương trình" or one breakthrough, group or unit.</param>
/// <param name="PeriodLine">The period and its days.</param>
/// <param name="BasisLine">How the figures were obtained: frozen when the period closed, or provisional while it is open.</param>
public sealed record ReportHeader(
    IssuerForm Form,
    string? IssuerParent,
    string Issuer,
    string Number,
    string Motto,
    string? MottoLine,
    string PlaceAndDate,
    string Title,
    string Subject,
    string ScopeLine,
    string PeriodLine,
    string BasisLine,
    bool Provisional);

/// <summary>
/// A review report, ready to be written in any format: the head, the numbered sections, the summary tables (one
/// sheet in the workbook) and the detail tables (a sheet or a CSV file each; the printed ones as appendices).
/// Every number in it comes from the one read model, as the overview shows it for the same scope and day.
/// </summary>
/// <param name="FileStem">The file's name without extension, ASCII, e.g. "bao-cao-50-CTr-TU-quy-IV-2025".</param>
public sealed record ReviewReport(
    ReportHeader Header,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportTable> Summary,
    IReadOnlyList<ReportTable> Details,
    string FileStem);

/// <summary>
/// What every page of an issued file carries: when it was made, by whom, and the short code a reader types into
/// "Kiểm tra bản in" to check the system issued it.
/// </summary>
/// <param name="GeneratedAt">UTC.</param>
/// <param name="Code">The first 12 hex digits of <see cref="ContentHash"/>, grouped as XXXX-XXXX-XXXX.</param>
public sealed record ExportStamp(DateTime GeneratedAt, string IssuedBy, string ContentHash, string Code)
{
    /// <summary>The footer line: "Tạo lúc 14:05 ngày 02/12/2026 · Mã kiểm tra 1A2B-3C4D-5E6F".</summary>
    public string Footer => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Tạo lúc {GeneratedAt + VietnamClock.Offset:HH:mm} ngày {GeneratedAt + VietnamClock.Offset:dd/MM/yyyy} · Mã kiểm tra {Code}");
}

/// <summary>How far a long export has come: rows written of the rows to write.</summary>
public readonly record struct ExportProgress(long Done, long Total);

/// <summary>Writes a review report in one format, streaming its rows to the output.</summary>
public interface IReviewReportWriter
{
    ReportFormat Format { get; }

    string ContentType { get; }

    /// <summary>With the dot: ".xlsx".</summary>
    string Extension { get; }

    Task WriteAsync(ReviewReport report, ExportStamp stamp, Stream output, IProgress<ExportProgress>? progress, CancellationToken ct);
}
