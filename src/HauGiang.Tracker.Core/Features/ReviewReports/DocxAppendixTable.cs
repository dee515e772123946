using DocumentFormat.OpenXml.Wordprocessing;
using static HauGiang.Tracker.Core.Features.ReviewReports.DocxBlocks;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>An appendix table in Word: bordered, columns in proportion to their widths, a bold grey header row that Word repeats on every page.</summary>
internal sealed class DocxAppendixTable
{
    private const int CellHalfPoints = 22;
    private readonly IReadOnlyList<ReportColumn> _columns;
    private readonly int[] _widths;

    public DocxAppendixTable(IReadOnlyList<ReportColumn> columns)
    {
        _columns = columns;
        var total = columns.Sum(c => Math.Max(c.Width, 1));
        _widths = [.. columns.Select(c => (int)Math.Floor(TextWidth * Math.Max(c.Width, 1) / total))];
    }

    public Table Start()
    {
        var table = Table(_widths, borders: true);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < _columns.Count; i++)
        {
            header.Append(Cell(_widths[i], [Para(JustificationValues.Center, [Text(_columns[i].Header, bold: true, halfPoints: CellHalfPoints)])], fill: "D9D9D9"));
        }
        table.Append(header);
        return table;
    }

    public TableRow Row(object?[] values)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < _columns.Count; i++)
        {
            var kind = _columns[i].Kind;
            var text = ReportValues.Format(i < values.Length ? values[i] : null, kind);
            var align = kind switch
            {
                CellKind.Integer or CellKind.Percent => JustificationValues.Right,
                CellKind.Date or CellKind.DateTime => JustificationValues.Center,
                _ => JustificationValues.Left,
            };
            row.Append(Cell(_widths[i], [Para(align, [Text(text, halfPoints: CellHalfPoints)])]));
        }
        return row;
    }
}
