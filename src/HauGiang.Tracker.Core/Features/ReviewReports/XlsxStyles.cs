using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>The workbook's few cell styles; the indexes are the positions in <see cref="Create"/>'s cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0, Bold = 1, Date = 2, DateTime = 3, Percent = 4, Title = 5, Italic = 6, Wrap = 7;
    public const uint DateFormat = 164, DateTimeFormat = 165, PercentFormat = 166;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "dd/mm/yyyy hh:mm" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" })
        { Count = 3 },
        new Fonts(
            Font(),
            Font(new Bold()),
            Font(new Bold(), size: 14),
            Font(new Italic()))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = DateFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { FontId = 3, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 8 });

    private static Font Font(DocumentFormat.OpenXml.OpenXmlElement? emphasis = null, double size = 11)
    {
        var font = new Font();
        if (emphasis is not null)
        {
            font.Append(emphasis);
        }
        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" });
        return font;
    }
}
