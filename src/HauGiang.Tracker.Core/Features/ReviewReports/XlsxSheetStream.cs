using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// One worksheet written SAX-style with <see cref="OpenXmlWriter"/>: rows go straight to the zip entry, so a
/// 100,000-row table never exists as a DOM. Call the methods in sheet order: rows, then <see cref="Finish"/>.
/// </summary>
internal sealed class XlsxSheetStream : IDisposable
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    /// <summary>Excel's day 0 is 30/12/1899 (its day 60 is the 29/02/1900 that never was).</summary>
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", XmlNamespace, "preserve")];

    private readonly OpenXmlWriter _writer;
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly List<string> _letters = [];
    private static readonly string[] StyleIds = Enumerable.Range(0, 16).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    private string _rowText = "";

    public XlsxSheetStream(Stream part, IReadOnlyList<double> widths, bool freezeHeader)
    {
        _writer = OpenXmlWriter.Create(part, new System.Text.UTF8Encoding(false));
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        if (freezeHeader)
        {
            _writer.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }, new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }));
        }
        if (widths.Count > 0)
        {
            _writer.WriteElement(new Columns(widths.Select((w, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Max(w, 1) + 0.7, CustomWidth = true })));
        }
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The number of the last row written (or skipped).</summary>
    public uint RowNumber { get; private set; }

    public void Skip() => RowNumber++;

    public void Line(string text, uint style)
    {
        StartRow();
        TextCell(0, text, style);
        _writer.WriteEndElement();
    }

    public void Header(IReadOnlyList<ReportColumn> columns)
    {
        StartRow();
        for (var i = 0; i < columns.Count; i++)
        {
            TextCell(i, columns[i].Header, XlsxStyles.Bold);
        }
        _writer.WriteEndElement();
    }

    public void Values(IReadOnlyList<ReportColumn> columns, object?[] values)
    {
        StartRow();
        for (var i = 0; i < columns.Count && i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }
            switch (columns[i].Kind)
            {
                case CellKind.Integer:
                    NumberCell(i, value is int n ? n.ToString(CultureInfo.InvariantCulture) : CellConversion.AsNumber(value).ToString(CultureInfo.InvariantCulture), XlsxStyles.Plain);
                    break;
                case CellKind.Percent:
                    NumberCell(i, CellConversion.AsNumber(value).ToString(CultureInfo.InvariantCulture), XlsxStyles.Percent);
                    break;
                case CellKind.Date:
                    NumberCell(i, (CellConversion.AsDay(value).DayNumber - ExcelEpoch).ToString(CultureInfo.InvariantCulture), XlsxStyles.Date);
                    break;
                case CellKind.DateTime:
                    NumberCell(i, CellConversion.InVietnam(CellConversion.AsInstant(value)).ToOADate().ToString(CultureInfo.InvariantCulture), XlsxStyles.DateTime);
                    break;
                default:
                    var text = CellConversion.AsText(value);
                    TextCell(i, text, text.Contains('\n', StringComparison.Ordinal) ? XlsxStyles.Wrap : XlsxStyles.Plain);
                    break;
            }
        }
        _writer.WriteEndElement();
    }

    /// <summary>Closes the rows and writes the filter (e.g. "A1:L100001"), the margins and the page footer.</summary>
    public void Finish(string? autoFilter, string footer)
    {
        _writer.WriteEndElement();
        if (autoFilter is not null)
        {
            _writer.WriteElement(new AutoFilter { Reference = autoFilter });
        }
        _writer.WriteElement(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new HeaderFooter(new OddFooter($"&L{footer.Replace("&", "&&", StringComparison.Ordinal)}&RTrang &P/&N")));
        _writer.WriteEndElement();
        _writer.Close();
    }

    public void Dispose() => _writer.Dispose();

    public string Letter(int index)
    {
        while (_letters.Count <= index)
        {
            _letters.Add(Workbook.SheetWriter.Letter(_letters.Count));
        }
        return _letters[index];
    }

    private void StartRow()
    {
        RowNumber++;
        _attributes.Clear();
        _rowText = RowNumber.ToString(CultureInfo.InvariantCulture);
        _attributes.Add(new OpenXmlAttribute("r", "", _rowText));
        _writer.WriteStartElement(RowElement, _attributes);
    }

    private void StartCell(int column, uint style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", string.Concat(Letter(column), _rowText)));
        if (style != XlsxStyles.Plain)
        {
            _attributes.Add(new OpenXmlAttribute("s", "", StyleIds[style]));
        }
        if (type is not null)
        {
            _attributes.Add(new OpenXmlAttribute("t", "", type));
        }
        _writer.WriteStartElement(CellElement, _attributes);
    }

    private void NumberCell(int column, string number, uint style)
    {
        StartCell(column, style, null);
        _writer.WriteStartElement(ValueElement);
        _writer.WriteString(number);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void TextCell(int column, string text, uint style)
    {
        StartCell(column, style, "inlineStr");
        _writer.WriteStartElement(InlineElement);
        _writer.WriteStartElement(TextElement, Preserve);
        _writer.WriteString(CellConversion.XmlSafe(text));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }
}
