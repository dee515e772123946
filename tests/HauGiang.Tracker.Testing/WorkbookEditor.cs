using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Testing;

/// <summary>Edits an exported workbook the way a person would in Excel: cells, rows, headers, sheets.</summary>
public sealed class WorkbookEditor : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _document;

    public WorkbookEditor(byte[] workbook)
    {
        _stream = new MemoryStream();
        _stream.Write(workbook);
        _stream.Position = 0;
        _document = SpreadsheetDocument.Open(_stream, isEditable: true);
    }

    public IReadOnlyList<string> SheetNames => [.. Sheets.Select(s => s.Name!.Value!)];

    private IEnumerable<Sheet> Sheets => _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    private SheetData Data(string sheet) =>
        ((WorksheetPart)_document.WorkbookPart!.GetPartById(Sheets.Single(s => s.Name == sheet).Id!)).Worksheet.GetFirstChild<SheetData>()!;

    public int ColumnOf(string sheet, string header)
    {
        var headers = Data(sheet).Elements<Row>().First().Elements<Cell>().ToList();
        return headers.FindIndex(c => c.InlineString?.InnerText == header) is var i and >= 0 ? i : throw new ArgumentException($"No column {header} on {sheet}.");
    }

    /// <summary>The row number whose first cell holds <paramref name="key"/>.</summary>
    public int RowOf(string sheet, string key) =>
        (int)Data(sheet).Elements<Row>().First(r => Text(r.Elements<Cell>().FirstOrDefault()) == key).RowIndex!.Value;

    public int LastRow(string sheet) => (int)Data(sheet).Elements<Row>().Last().RowIndex!.Value;

    public string? Get(string sheet, int row, string header) =>
        Text(Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)row).Elements<Cell>().FirstOrDefault(c => c.CellReference == Reference(ColumnOf(sheet, header), row)));

    public WorkbookEditor Set(string sheet, int row, string header, string? text) => SetCell(sheet, row, ColumnOf(sheet, header), text, null);

    public WorkbookEditor SetNumber(string sheet, int row, string header, double number) => SetCell(sheet, row, ColumnOf(sheet, header), null, number);

    public WorkbookEditor SetAt(string sheet, int row, int column, string? text, double? number = null) => SetCell(sheet, row, column, text, number);

    /// <summary>A cell copied from one row to another in the same column, value and kind (text, number, date) alike.</summary>
    public WorkbookEditor CopyCell(string sheet, int fromRow, int toRow, int column)
    {
        var source = Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)fromRow).Elements<Cell>().FirstOrDefault(c => c.CellReference == Reference(column, fromRow));
        // An empty source empties the target; otherwise a placeholder marks the place and the copy replaces it.
        SetCell(sheet, toRow, column, source is null ? null : "", null);
        if (source is not null)
        {
            var target = Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)toRow).Elements<Cell>().First(c => c.CellReference == Reference(column, toRow));
            var copy = (Cell)source.CloneNode(true);
            copy.CellReference = target.CellReference!.Value;
            target.InsertAfterSelf(copy);
            target.Remove();
        }
        return this;
    }

    /// <summary>A new row below the last, with the given cells by header.</summary>
    public int AddRow(string sheet, IReadOnlyDictionary<string, string> cells)
    {
        var number = LastRow(sheet) + 1;
        Data(sheet).Append(new Row { RowIndex = (uint)number });
        foreach (var (header, value) in cells)
        {
            Set(sheet, number, header, value);
        }
        return number;
    }

    public WorkbookEditor DeleteRow(string sheet, int row)
    {
        Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)row).Remove();
        return this;
    }

    /// <summary>A copy of a row at the end, as a careless paste would make.</summary>
    public WorkbookEditor DuplicateRow(string sheet, int row)
    {
        var number = (uint)LastRow(sheet) + 1;
        var copy = (Row)Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)row).CloneNode(true);
        copy.RowIndex = number;
        foreach (var cell in copy.Elements<Cell>())
        {
            cell.CellReference = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()) + number.ToString(CultureInfo.InvariantCulture);
        }
        Data(sheet).Append(copy);
        return this;
    }

    public WorkbookEditor RenameHeader(string sheet, string header, string newHeader) => Set(sheet, 1, header, newHeader);

    public WorkbookEditor RenameSheet(string sheet, string newName)
    {
        Sheets.Single(s => s.Name == sheet).Name = newName;
        return this;
    }

    public WorkbookEditor RemoveSheet(string sheet)
    {
        var element = Sheets.Single(s => s.Name == sheet);
        _document.WorkbookPart!.DeletePart(element.Id!);
        element.Remove();
        return this;
    }

    public int RowCount(string sheet) => Data(sheet).Elements<Row>().Count();

    public IReadOnlyList<int> RowNumbers(string sheet) => [.. Data(sheet).Elements<Row>().Select(r => (int)r.RowIndex!.Value)];

    public int ColumnCount(string sheet) => Data(sheet).Elements<Row>().First().Elements<Cell>().Count();

    public byte[] Save()
    {
        _document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private WorkbookEditor SetCell(string sheet, int row, int column, string? text, double? number)
    {
        var rowElement = Data(sheet).Elements<Row>().Single(r => r.RowIndex! == (uint)row);
        var reference = Reference(column, row);
        var cell = rowElement.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var after = rowElement.Elements<Cell>().LastOrDefault(c => Column(c.CellReference!) < column);
            if (after is null)
            {
                rowElement.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.StyleIndex = null;
        if (number is { } n)
        {
            cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
        }
        else if (text is not null)
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }
        else
        {
            cell.Remove();
        }
        return this;
    }

    private static string? Text(Cell? cell) => cell?.InlineString?.InnerText ?? cell?.CellValue?.Text;

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (acc, c) => (acc * 26) + (c - 'A' + 1)) - 1;

    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
