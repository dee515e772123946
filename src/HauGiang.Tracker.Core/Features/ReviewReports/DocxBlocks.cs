using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>The few WordprocessingML shapes the Word report is made of, with their children in schema order.</summary>
internal static class DocxBlocks
{
    /// <summary>A4 less the margins (left 30 mm, right 20 mm), in twips.</summary>
    public const int TextWidth = 11906 - 1701 - 1134;

    public static Run Text(string text, bool bold = false, bool italic = false, int? halfPoints = null, bool underline = false, string? color = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (italic)
        {
            properties.Append(new Italic());
        }
        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }
        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }
        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }
        // Line breaks in a unit's text stay line breaks; control characters XML cannot carry are dropped.
        var lines = CellConversion.XmlSafe(text.Normalize(NormalizationForm.FormC)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    public static Paragraph Para(JustificationValues align, IEnumerable<OpenXmlElement> content, int after = 0, int before = 0,
        bool keepNext = false, bool pageBreakBefore = false, Indentation? indent = null, ParagraphBorders? borders = null)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }
        if (borders is not null)
        {
            properties.Append(borders);
        }
        properties.Append(new SpacingBetweenLines { Before = Twips(before), After = Twips(after) });
        if (indent is not null)
        {
            properties.Append(indent);
        }
        properties.Append(new Justification { Val = align });
        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph Centered(Run run, int after = 0, bool keepNext = false) => Para(JustificationValues.Center, [run], after, keepNext: keepNext);

    /// <summary>A short centred line: an empty paragraph's bottom border between wide indents.</summary>
    public static Paragraph ShortRule(int cellWidth, int length) =>
        Para(JustificationValues.Center, [], after: 60,
            indent: new Indentation { Left = Twips((cellWidth - length) / 2), Right = Twips((cellWidth - length) / 2) },
            borders: new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }));

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> paragraphs, string? fill = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }
        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        return cell;
    }

    public static Table Table(IReadOnlyList<int> widths, bool borders)
    {
        var edges = borders
            ? new TableBorders(Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>(), Edge<InsideHorizontalBorder>(), Edge<InsideVerticalBorder>())
            : new TableBorders(None<TopBorder>(), None<LeftBorder>(), None<BottomBorder>(), None<RightBorder>(), None<InsideHorizontalBorder>(), None<InsideVerticalBorder>());
        var table = new Table(new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            edges,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        return table;
    }

    public static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static T Edge<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Color = "404040" };

    private static T None<T>() where T : BorderType, new() => new() { Val = BorderValues.None };
}
