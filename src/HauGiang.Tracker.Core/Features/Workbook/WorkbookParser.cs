using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Items;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>
/// Turns raw sheets into typed rows, reporting every cell that is missing, of the wrong kind or too long,
/// by sheet, row and column. Rows with a problem stay in (with placeholders) so their codes still
/// count for the other sheets, and are listed in <see cref="FailedRows"/>.
/// </summary>
internal sealed class WorkbookParser(IReadOnlyList<RawSheet> raw, int firstYear, int lastYear)
{
    private static readonly string[] DayFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd/M/yyyy", "d/MM/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Rows already reported: checks across rows say nothing more about them.</summary>
    public HashSet<(string Sheet, int Row)> FailedRows { get; } = [];

    public StructureSnapshot Parse()
    {
        var sheets = WorkbookLayout.Sheets(firstYear, lastYear);
        var known = sheets.Select(s => s.Name).Append(WorkbookLayout.GuideSheet).Append(WorkbookLayout.ListsSheet).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var extra in raw.Where(r => !known.Contains(r.Name)))
        {
            Problems.Add(new ImportProblem(extra.Name, 0, "", $"Trang tính “{extra.Name}” không thuộc mẫu. Các trang tính cần có: {string.Join(", ", sheets.Select(s => s.Name))}."));
        }
        return new StructureSnapshot(
            Rows(sheets[0], r => new UnitRow(r.Number, new UnitInput(r.Text("Mã đơn vị")!, r.Text("Tên đơn vị")!, r.Text("Tên viết tắt"),
                r.Choice("Loại", WorkbookLayout.UnitKinds), r.Text("Mã đơn vị cấp trên"), r.Date("Hiệu lực đến"))))
            ,
            Rows(sheets[1], r => new BreakthroughRow(r.Number, r.Int(WorkbookLayout.Ordinal)!.Value, r.Text("Tên đột phá")!, r.Text(WorkbookLayout.Description))),
            Rows(sheets[2], r => new GroupRow(r.Number, r.Int(WorkbookLayout.Ordinal)!.Value, r.Text("Tiêu đề")!, r.Text("Tên nhóm")!, r.Text("Nguyên văn"))),
            Rows(sheets[3], r => Item(r, WorkItemKind.Task, r.Text("Nội dung")!, DocumentType.Other, null)),
            Rows(sheets[4], r => Item(r, WorkItemKind.Document, r.Text("Tên văn bản")!, r.Choice("Loại văn bản", WorkbookLayout.DocumentTypes), r.Text("Cấp ban hành"))),
            Rows(sheets[5], r => new MilestoneRow(r.Number, r.Text(WorkbookLayout.ItemCode)!, new MilestoneInput(r.Int(WorkbookLayout.Ordinal)!.Value, r.Text("Nội dung mốc")!,
                r.Date("Hạn"), r.Date("Ngày hoàn thành"), r.Text("Ghi chú")))),
            Rows(sheets[6], r => new IndicatorRow(r.Number, new IndicatorInput(r.Text("Mã chỉ tiêu")!, r.Text("Tên chỉ tiêu")!, r.Text("Đơn vị tính"),
                r.Choice("Chiều đánh giá", WorkbookLayout.Directions), r.Text("Mã đơn vị phụ trách"), r.Int(WorkbookLayout.Group), r.Int(WorkbookLayout.Breakthrough),
                r.Text(WorkbookLayout.Description),
                Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => r.Text($"{WorkbookLayout.TargetPrefix}{y}") is not null)
                    .ToDictionary(y => y, y => r.Text($"{WorkbookLayout.TargetPrefix}{y}"))))),
            Rows(sheets[7], r => new AssignmentRow(r.Number, r.Text(WorkbookLayout.ItemCode)!, new AssignmentInput(r.Text("Mã đơn vị chủ trì"),
                [.. (r.Text("Mã đơn vị phối hợp (cách nhau bằng dấu ;)") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                r.Text("Cá nhân phụ trách")))));
    }

    private static ItemSheetRow Item(Reader r, WorkItemKind kind, string title, DocumentType type, string? authority) =>
        new(r.Number, new ItemInput(kind, r.Text(WorkbookLayout.Code)!, title, r.Text(WorkbookLayout.Description), r.Text(WorkbookLayout.Parent),
            r.Int(WorkbookLayout.Breakthrough), r.Int(WorkbookLayout.Group), r.Deadline(WorkbookLayout.Deadline), r.Date(WorkbookLayout.StartsOn),
            r.Decimal(WorkbookLayout.Weight) ?? 1m, null, type, authority),
            r.Has(WorkbookLayout.State) ? r.Choice(WorkbookLayout.State, WorkbookLayout.States, WorkbookLayout.FormerStates) : ItemState.Active,
            null);

    private List<T> Rows<T>(WorkbookSheet layout, Func<Reader, T> make)
    {
        var sheet = raw.FirstOrDefault(s => string.Equals(s.Name, layout.Name, StringComparison.OrdinalIgnoreCase));
        if (sheet is null)
        {
            Problems.Add(new ImportProblem(layout.Name, 0, "", $"Thiếu trang tính “{layout.Name}”."));
            return [];
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, header) in sheet.Headers)
        {
            if (layout.Columns.FirstOrDefault(c => c.IsNamed(header)) is { } column)
            {
                if (!columns.TryAdd(column.Header, index))
                {
                    Problems.Add(new ImportProblem(layout.Name, 1, header, $"Cột “{header}” xuất hiện hai lần."));
                }
            }
            else if (header.Length > 0)
            {
                Problems.Add(new ImportProblem(layout.Name, 1, header, $"Cột “{header}” không thuộc mẫu của trang tính này."));
            }
        }
        var missing = layout.Columns.Where(c => !c.ReadOnly && !columns.ContainsKey(c.Header)).ToList();
        foreach (var column in missing)
        {
            Problems.Add(new ImportProblem(layout.Name, 1, column.Header, $"Thiếu cột “{column.Header}”."));
        }
        if (missing.Count > 0)
        {
            return [];
        }
        var rows = new List<T>();
        foreach (var (number, cells) in sheet.Rows)
        {
            var reader = new Reader(this, layout, columns, number, cells);
            rows.Add(make(reader));
            if (reader.Failed)
            {
                FailedRows.Add((layout.Name, number));
            }
        }
        return rows;
    }

    /// <summary>Reads one row's cells by header, noting each problem; a failed row yields placeholders.</summary>
    private sealed class Reader(WorkbookParser parser, WorkbookSheet layout, Dictionary<string, int> columns, int number, IReadOnlyDictionary<int, RawCell> cells)
    {
        public int Number => number;

        public bool Failed { get; private set; }

        public bool Has(string header) => columns.TryGetValue(header, out var i) && cells.TryGetValue(i, out var c) && !c.IsEmpty;

        public string? Text(string header)
        {
            var column = layout[header];
            var cell = Cell(header);
            var text = SheetReader.Clean(cell.Text) ?? (cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : null);
            if (text is null)
            {
                Missing(column);
                return column.Required ? "" : null;
            }
            if (text.Length > column.MaxLength)
            {
                Fail(header, $"Nội dung dài {text.Length} ký tự, quá giới hạn {column.MaxLength} ký tự.");
            }
            return text;
        }

        public int? Int(string header)
        {
            var cell = Cell(header);
            if (cell.IsEmpty)
            {
                Missing(layout[header]);
                return layout[header].Required ? 0 : null;
            }
            if (cell.Number is { } n && n == Math.Floor(n) && Math.Abs(n) < 1_000_000)
            {
                return (int)n;
            }
            if (int.TryParse(SheetReader.Clean(cell.Text), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
            Fail(header, $"“{Show(cell)}” không phải số nguyên.");
            return 0;
        }

        public decimal? Decimal(string header)
        {
            var cell = Cell(header);
            if (cell.IsEmpty)
            {
                Missing(layout[header]);
                return null;
            }
            if (cell.Number is { } n && Math.Abs(n) < 1e12)
            {
                return Math.Round((decimal)n, 4);
            }
            if (decimal.TryParse(SheetReader.Clean(cell.Text)?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
            Fail(header, $"“{Show(cell)}” không phải số.");
            return null;
        }

        public DateOnly? Date(string header)
        {
            var cell = Cell(header);
            if (cell.IsEmpty)
            {
                Missing(layout[header]);
                return null;
            }
            if (ReadDay(cell) is { } day)
            {
                return day;
            }
            Fail(header, $"“{Show(cell)}” không phải ngày hợp lệ (ô ngày, hoặc dạng dd/mm/yyyy).");
            return null;
        }

        /// <summary>A deadline is words as the program writes them, or a date cell (read as that day).</summary>
        public string? Deadline(string header)
        {
            var cell = Cell(header);
            if (cell.Number is not null)
            {
                if (ReadDay(cell) is { } day)
                {
                    return day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                }
                Fail(header, $"“{Show(cell)}” không phải ngày hợp lệ.");
                return null;
            }
            return Text(header);
        }

        public T Choice<T>(string header, IReadOnlyDictionary<T, string> choices, IReadOnlyDictionary<string, T>? former = null) where T : struct
        {
            var text = Text(header);
            if (text is null or "")
            {
                return default;
            }
            if (former is not null && former.TryGetValue(text, out var formerChoice))
            {
                return formerChoice;
            }
            var match = choices.FirstOrDefault(c => string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase));
            if (match.Value is null)
            {
                Fail(header, $"“{text}” không phải giá trị cho phép. Chọn một trong: {string.Join("; ", choices.Values)}.");
                return default;
            }
            return match.Key;
        }

        private RawCell Cell(string header) =>
            columns.TryGetValue(header, out var index) && cells.TryGetValue(index, out var cell) ? cell : default;

        private void Missing(WorkbookColumn column)
        {
            if (column.Required)
            {
                Fail(column.Header, "Thiếu giá trị bắt buộc.");
            }
        }

        private void Fail(string header, string message)
        {
            Failed = true;
            parser.Problems.Add(new ImportProblem(layout.Name, number, header, message));
        }

        private static DateOnly? ReadDay(RawCell cell)
        {
            if (cell.Number is { } serial)
            {
                // A date-and-time cell counts by its day.
                return serial is >= 1 and < 110_000 ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;
            }
            var text = SheetReader.Clean(cell.Text);
            return DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 2200 ? day : null;
        }

        private static string Show(RawCell cell)
        {
            var text = cell.Text ?? cell.Number?.ToString(CultureInfo.InvariantCulture) ?? "";
            return text.Length > 40 ? text[..40] + "…" : text;
        }
    }
}
