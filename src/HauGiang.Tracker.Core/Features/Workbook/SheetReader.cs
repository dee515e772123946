using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>A cell as found: its text, or its number (dates arrive as serial numbers).</summary>
public readonly record struct RawCell(string? Text, double? Number)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Number is null;
}

/// <summary>One sheet's header (column index → header) and its rows (row number → column index → cell).</summary>
public sealed record RawSheet(string Name, IReadOnlyDictionary<int, string> Headers, IReadOnlyList<(int Row, IReadOnlyDictionary<int, RawCell> Cells)> Rows);

/// <summary>Reads every sheet of an .xlsx into plain cells, refusing what is not a workbook or too large to be one.</summary>
internal static class SheetReader
{
    public const int MaxRowsPerSheet = 5000;
    private const long MaxCharactersPerPart = 30_000_000;

    /// <exception cref="InvalidDataException">Not a workbook, or beyond the limits.</exception>
    public static IReadOnlyList<RawSheet> Read(Stream input)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(input, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersPerPart });
        }
        // The file is untrusted input: whatever the package library throws while opening it means
        // the same thing to the person who uploaded it.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new InvalidDataException("Tệp này không phải tệp Excel (.xlsx) hợp lệ.", ex);
        }
        using (document)
        {
            try
            {
                return ReadSheets(document);
            }
            catch (Exception ex) when (ex is not (InvalidDataException or OperationCanceledException or OutOfMemoryException))
            {
                throw new InvalidDataException("Sổ tính bị hỏng hoặc không đọc được: " + ex.Message, ex);
            }
        }
    }

    private static List<RawSheet> ReadSheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("Tệp Excel không có trang tính nào.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<RawSheet>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }
            var headers = new Dictionary<int, string>();
            var rows = new List<(int, IReadOnlyDictionary<int, RawCell>)>();
            foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                var cells = new Dictionary<int, RawCell>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                    position = column + 1;
                    var value = Value(cell, shared);
                    if (!value.IsEmpty)
                    {
                        cells[column] = value;
                    }
                }
                if (number == 1)
                {
                    foreach (var (column, cell) in cells)
                    {
                        headers[column] = Clean(cell.Text ?? cell.Number?.ToString(CultureInfo.InvariantCulture)) ?? "";
                    }
                }
                else if (cells.Count > 0)
                {
                    if (rows.Count >= MaxRowsPerSheet)
                    {
                        throw new InvalidDataException($"Trang tính “{sheet.Name}” có hơn {MaxRowsPerSheet} dòng; hãy chia nhỏ tệp.");
                    }
                    rows.Add((number, cells));
                }
            }
            sheets.Add(new RawSheet(Clean(sheet.Name?.Value) ?? "", headers, rows));
        }
        return sheets;
    }

    private static RawCell Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? new RawCell(shared[i], null) : new RawCell(null, null);
        }
        if (type == CellValues.InlineString)
        {
            return new RawCell(cell.InlineString?.InnerText, null);
        }
        if (type == CellValues.String || type == CellValues.Error)
        {
            return new RawCell(raw, null);
        }
        if (type == CellValues.Boolean)
        {
            return new RawCell(raw == "1" ? "TRUE" : "FALSE", null);
        }
        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new RawCell(null, d.ToOADate()) : new RawCell(raw, null);
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new RawCell(null, number) : new RawCell(raw, null);
    }

    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Normalize(NormalizationForm.FormC).Trim();

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = (index * 26) + (c - 'A' + 1);
            if (index > 16384)
            {
                throw new InvalidDataException($"Ô {reference} nằm ngoài giới hạn của Excel.");
            }
        }
        return index - 1;
    }
}
