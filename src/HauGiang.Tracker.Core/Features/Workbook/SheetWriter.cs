using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>A value for one cell: text, a number or a day.</summary>
public readonly record struct CellValueOut(string? Text = null, decimal? Number = null, DateOnly? Day = null)
{
    public static implicit operator CellValueOut(string? text) => new(Text: text);
    public static CellValueOut Of(decimal? number) => new(Number: number);
    public static CellValueOut Of(int? number) => new(Number: number);
    public static CellValueOut Of(DateOnly? day) => new(Day: day);
}

/// <summary>
/// Writes plain .xlsx workbooks: a bold, frozen header row, dates as real date cells (dd/mm/yyyy),
/// drop-down lists for the fixed choices, Vietnamese kept as composed Unicode.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private const uint HeaderStyle = 1, DateStyle = 2, WrapStyle = 3, ReadOnlyStyle = 4;
    private readonly SpreadsheetDocument _document;
    private readonly Sheets _sheets;
    private uint _nextSheetId = 1;

    public SheetWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        _sheets = workbook.Workbook.AppendChild(new Sheets());
    }

    /// <summary>Adds a sheet; <paramref name="lists"/> names, per choice column, the range of its allowed words.</summary>
    public void AddSheet(WorkbookSheet sheet, IEnumerable<IReadOnlyList<CellValueOut>> rows, IReadOnlyDictionary<string, string>? lists = null)
    {
        var data = new SheetData();
        data.Append(Row(1, sheet.Columns.Select(c => (CellValueOut)c.Header).ToList(), _ => HeaderStyle));
        uint index = 2;
        foreach (var row in rows)
        {
            data.Append(Row(index++, row, i => sheet.Columns[i].ReadOnly ? ReadOnlyStyle : sheet.Columns[i].MaxLength > 1000 ? WrapStyle : 0));
        }
        var columns = new Columns(sheet.Columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true }));
        var views = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = "A2",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 });
        var worksheet = new Worksheet(views, columns, data);
        if (lists is not null)
        {
            var validations = new DataValidations();
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                if (lists.TryGetValue(sheet.Columns[i].Header, out var range))
                {
                    validations.Append(new DataValidation
                    {
                        Type = DataValidationValues.List,
                        AllowBlank = true,
                        ShowErrorMessage = true,
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Letter(i)}2:{Letter(i)}{Math.Max(index, 2) + 500}" },
                        Formula1 = new Formula1(range),
                    });
                }
            }
            validations.Count = (uint)validations.ChildElements.Count;
            if (validations.Count > 0)
            {
                worksheet.Append(validations);
            }
        }
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        _sheets.Append(new Sheet { Id = _document.WorkbookPart.GetIdOfPart(part), SheetId = _nextSheetId++, Name = sheet.Name });
    }

    public void Dispose() => _document.Dispose();

    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    private static Row Row(uint number, IReadOnlyList<CellValueOut> values, Func<int, uint> style)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = $"{Letter(i)}{number}";
            var value = values[i];
            Cell cell;
            if (value.Day is { } day)
            {
                cell = new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) };
            }
            else if (value.Number is { } amount)
            {
                cell = new Cell { CellReference = reference, CellValue = new CellValue(amount.ToString(CultureInfo.InvariantCulture)), StyleIndex = style(i) };
            }
            else if (!string.IsNullOrEmpty(value.Text))
            {
                cell = new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = style(i),
                    InlineString = new InlineString(new Text(value.Text.Normalize(NormalizationForm.FormC)) { Space = SpaceProcessingModeValues.Preserve }),
                };
            }
            else
            {
                continue;
            }
            row.Append(cell);
        }
        return row;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new Color { Rgb = "FF666666" }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF3E5E5" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { FontId = 2, ApplyFont = true })
        { Count = 5 });
}
