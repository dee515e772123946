using PdfSharp.Drawing;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// One appendix table drawn as a grid: columns share the text width in proportion to their widths, each cell's text
/// wraps inside its column, and a row that no longer fits starts a new page under a repeated header row.
/// </summary>
internal sealed class PdfAppendixTable
{
    private const double Padding = 2.5;
    private static readonly XPen Grid = new(XColor.FromArgb(90, 90, 90), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(225, 225, 225));
    private readonly PdfSheet _sheet;
    private readonly IReadOnlyList<ReportColumn> _columns;
    private readonly double[] _widths;

    public PdfAppendixTable(PdfSheet sheet, IReadOnlyList<ReportColumn> columns)
    {
        _sheet = sheet;
        _columns = columns;
        var total = columns.Sum(c => Math.Max(c.Width, 1));
        _widths = [.. columns.Select(c => PdfSheet.TextWidth * Math.Max(c.Width, 1) / total)];
    }

    /// <summary>The height of the header row, so the caller keeps a title together with it and a first row.</summary>
    public double HeaderHeight => Layout(_columns.Select(c => c.Header).ToArray(), _sheet.Fonts.CellBold).Height;

    public void Header()
    {
        var cells = Layout(_columns.Select(c => c.Header).ToArray(), _sheet.Fonts.CellBold);
        _sheet.Gfx.DrawRectangle(HeaderFill, PdfSheet.Left, _sheet.Y, PdfSheet.TextWidth, cells.Height);
        Draw(cells, _ => TextAlign.Center);
    }

    public void Row(object?[] values)
    {
        var texts = new string[_columns.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = ReportValues.Format(i < values.Length ? values[i] : null, _columns[i].Kind);
        }
        var cells = Layout(texts, _sheet.Fonts.Cell);
        if (_sheet.Ensure(cells.Height))
        {
            Header();
        }
        Draw(cells, i => _columns[i].Kind switch
        {
            CellKind.Integer or CellKind.Percent => TextAlign.Right,
            CellKind.Date or CellKind.DateTime => TextAlign.Center,
            _ => TextAlign.Left,
        });
    }

    private (List<TextLine>[] Lines, double Height) Layout(string[] texts, XFont font)
    {
        var lines = new List<TextLine>[texts.Length];
        var height = font.GetHeight();
        for (var i = 0; i < texts.Length; i++)
        {
            lines[i] = _sheet.Wrap([new TextRun(texts[i], font)], _widths[i] - 2 * Padding, 0);
            height = Math.Max(height, lines[i].Sum(l => l.Height));
        }
        return (lines, height + 2 * Padding);
    }

    private void Draw((List<TextLine>[] Lines, double Height) cells, Func<int, TextAlign> align)
    {
        var x = PdfSheet.Left;
        for (var i = 0; i < cells.Lines.Length; i++)
        {
            _sheet.Gfx.DrawRectangle(Grid, x, _sheet.Y, _widths[i], cells.Height);
            var y = _sheet.Y + Padding;
            foreach (var line in cells.Lines[i])
            {
                _sheet.DrawLine(line, x + Padding, _widths[i] - 2 * Padding, y, align(i), last: true);
                y += line.Height;
            }
            x += _widths[i];
        }
        _sheet.Y += cells.Height;
    }
}
