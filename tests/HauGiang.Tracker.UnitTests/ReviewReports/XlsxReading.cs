using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

/// <summary>Reads a written workbook back: sheets by name, cells by reference, a cell's number format.</summary>
internal static class XlsxReading
{
    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Cell? Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public static string? Text(Worksheet sheet, string reference) => Cell(sheet, reference)?.InlineString?.Text?.Text;

    public static double Number(Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        Assert.Null(cell.DataType);
        return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? FormatCode(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }

    public static bool IsBold(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0)).Bold is not null;
    }
}

/// <summary>Collects progress reports as they are made (<see cref="Progress{T}"/> would post them later).</summary>
internal sealed class ProgressLog(Action<ExportProgress>? onReport = null) : IProgress<ExportProgress>
{
    public List<ExportProgress> Reports { get; } = [];

    public void Report(ExportProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
