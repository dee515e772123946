using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>What the database holds that a workbook must agree with.</summary>
internal sealed record ReferenceState(
    StructureSnapshot Current,
    IReadOnlySet<string> AdjustedItems,
    IReadOnlySet<string> DroppedByAmendment,
    IReadOnlyDictionary<string, DateOnly?> UnitEnds,
    DateOnly Today,
    int FirstYear,
    int LastYear,
    int TermStartYear);

/// <summary>
/// The checks across rows and against the database: duplicate codes, unknown units, missing parents,
/// cycles in the task tree, deadlines before start dates, adjusted deadlines edited in place …
/// </summary>
internal static class ImportValidator
{
    public static List<ImportProblem> Validate(StructureSnapshot book, ReferenceState reference)
    {
        var problems = new List<ImportProblem>();
        void Add(string sheet, IHasRow row, string column, string message) => problems.Add(new ImportProblem(sheet, row.Row, column, message));

        var unitCodes = Duplicates(book.Units, u => u.Input.Code, WorkbookLayout.Units.Name, "Mã đơn vị", "Mã đơn vị", problems);
        var allUnits = unitCodes.Concat(reference.Current.Units.Select(u => u.Input.Code)).ToHashSet(StringComparer.Ordinal);
        var unitParents = book.Units.GroupBy(u => u.Input.Code).ToDictionary(g => g.Key, g => g.First().Input.ParentCode);
        foreach (var unit in book.Units)
        {
            Check(WorkbookLayout.Units.Name, unit, "Mã đơn vị", StructureRules.CodeProblem(unit.Input.Code), problems);
            if (unit.Input.ParentCode is { } parent && !allUnits.Contains(parent))
            {
                Add(WorkbookLayout.Units.Name, unit, "Mã đơn vị cấp trên", $"Không có đơn vị mã {parent}.");
            }
            else if (StructureRules.FindCycle(unit.Input.Code, unitParents) is { } cycle)
            {
                Add(WorkbookLayout.Units.Name, unit, "Mã đơn vị cấp trên", $"Đơn vị cấp trên tạo vòng lặp: {string.Join(" → ", cycle)}.");
            }
        }

        var breakthroughs = Duplicates(book.Breakthroughs, b => b.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), WorkbookLayout.Breakthroughs.Name, WorkbookLayout.Ordinal, "Thứ tự", problems).Select(int.Parse).ToHashSet();
        var groups = Duplicates(book.Groups, g => g.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), WorkbookLayout.Groups.Name, WorkbookLayout.Ordinal, "Thứ tự", problems).Select(int.Parse).ToHashSet();
        foreach (var row in book.Breakthroughs.Where(b => b.Ordinal < 1))
        {
            Add(WorkbookLayout.Breakthroughs.Name, row, WorkbookLayout.Ordinal, "Thứ tự phải từ 1 trở lên.");
        }
        foreach (var row in book.Groups.Where(g => g.Ordinal < 1))
        {
            Add(WorkbookLayout.Groups.Name, row, WorkbookLayout.Ordinal, "Thứ tự phải từ 1 trở lên.");
        }

        var items = book.Tasks.Select(t => (Sheet: WorkbookLayout.Tasks.Name, Row: t)).Concat(book.Documents.Select(d => (Sheet: WorkbookLayout.Documents.Name, Row: d))).ToList();
        var itemCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sheet, row) in items)
        {
            if (!itemCodes.Add(row.Input.Code))
            {
                Add(sheet, row, WorkbookLayout.Code, $"Mã {row.Input.Code} bị trùng (đã có ở dòng trước, trang Nhiệm vụ hoặc Văn bản).");
            }
        }
        var parents = items.GroupBy(i => i.Row.Input.Code).ToDictionary(g => g.Key, g => g.First().Row.Input.ParentCode);
        var current = reference.Current.Items.ToDictionary(i => i.Input.Code, StringComparer.Ordinal);
        foreach (var (sheet, row) in items)
        {
            var input = row.Input;
            Check(sheet, row, WorkbookLayout.Code, StructureRules.CodeProblem(input.Code), problems);
            Check(sheet, row, WorkbookLayout.Weight, StructureRules.WeightProblem(input.Weight), problems);
            if (current.TryGetValue(input.Code, out var existing) && existing.Input.Kind != input.Kind)
            {
                Add(sheet, row, WorkbookLayout.Code, existing.Input.Kind == WorkItemKind.Document
                    ? $"Mã {input.Code} là một văn bản; không chuyển thành nhiệm vụ được."
                    : $"Mã {input.Code} là một nhiệm vụ; không chuyển thành văn bản được.");
            }
            if (input.ParentCode is { } parent)
            {
                if (!parents.ContainsKey(parent))
                {
                    Add(sheet, row, WorkbookLayout.Parent, $"Không có nhiệm vụ, văn bản mã {parent} trong tệp Excel.");
                }
                else if (StructureRules.FindCycle(input.Code, parents) is { } cycle)
                {
                    Add(sheet, row, WorkbookLayout.Parent, $"Cây nhiệm vụ tạo vòng lặp: {string.Join(" → ", cycle)}.");
                }
            }
            if (input.BreakthroughOrdinal is { } b && !breakthroughs.Contains(b))
            {
                Add(sheet, row, WorkbookLayout.Breakthrough, $"Không có đột phá thứ {b} trong trang Đột phá.");
            }
            if (input.GroupOrdinal is { } g && !groups.Contains(g))
            {
                Add(sheet, row, WorkbookLayout.Group, $"Không có nhóm thứ {g} trong trang Nhóm giải pháp.");
            }
            var (deadline, problem) = StructureRules.ReadDeadline(input.Deadline, reference.FirstYear, reference.LastYear);
            Check(sheet, row, WorkbookLayout.Deadline, problem ?? StructureRules.StartProblem(input.StartsOn, deadline), problems);
            if (problem is null && existing is not null && reference.AdjustedItems.Contains(input.Code)
                && StructureRules.ReadDeadline(existing.Input.Deadline, reference.FirstYear, reference.LastYear).Deadline != deadline)
            {
                Add(sheet, row, WorkbookLayout.Deadline, "Thời hạn của mục này đã được điều chỉnh nên thời hạn ban đầu giữ nguyên; thời hạn mới ghi bằng văn bản điều chỉnh.");
            }
            if (reference.DroppedByAmendment.Contains(input.Code) && row.State != ItemState.Dropped)
            {
                Add(sheet, row, WorkbookLayout.State, "Mục này đã bỏ theo văn bản điều chỉnh; không khôi phục bằng nhập tệp Excel được.");
            }
        }

        var milestoneKeys = new HashSet<(string, int)>();
        foreach (var row in book.Milestones)
        {
            if (!itemCodes.Contains(row.ItemCode))
            {
                Add(WorkbookLayout.Milestones.Name, row, WorkbookLayout.ItemCode, $"Không có nhiệm vụ, văn bản mã {row.ItemCode} trong tệp Excel.");
            }
            if (!milestoneKeys.Add((row.ItemCode, row.Milestone.Ordinal)))
            {
                Add(WorkbookLayout.Milestones.Name, row, WorkbookLayout.Ordinal, $"Mốc thứ {row.Milestone.Ordinal} của {row.ItemCode} bị trùng.");
            }
        }

        Duplicates(book.Indicators, i => i.Input.Code, WorkbookLayout.Indicators(reference.FirstYear, reference.LastYear).Name, "Mã chỉ tiêu", "Mã chỉ tiêu", problems);
        foreach (var row in book.Indicators)
        {
            var sheet = WorkbookLayout.Indicators(reference.FirstYear, reference.LastYear).Name;
            Check(sheet, row, "Mã chỉ tiêu", StructureRules.CodeProblem(row.Input.Code), problems);
            if (row.Input.ResponsibleUnitCode is { } unit && !allUnits.Contains(unit))
            {
                Add(sheet, row, "Mã đơn vị phụ trách", $"Không có đơn vị mã {unit}.");
            }
            if (row.Input.GroupOrdinal is { } g && !groups.Contains(g))
            {
                Add(sheet, row, WorkbookLayout.Group, $"Không có nhóm thứ {g} trong trang Nhóm giải pháp.");
            }
            if (row.Input.BreakthroughOrdinal is { } b && !breakthroughs.Contains(b))
            {
                Add(sheet, row, WorkbookLayout.Breakthrough, $"Không có đột phá thứ {b} trong trang Đột phá.");
            }
        }

        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var currentAssignments = reference.Current.Assignments.ToDictionary(a => a.ItemCode, a => a.Input, StringComparer.Ordinal);
        var ends = book.Units.GroupBy(u => u.Input.Code).ToDictionary(g => g.Key, g => g.First().Input.ValidTo);
        foreach (var row in book.Assignments)
        {
            const string sheet = "Phân công";
            if (!itemCodes.Contains(row.ItemCode))
            {
                Add(sheet, row, WorkbookLayout.ItemCode, $"Không có nhiệm vụ, văn bản mã {row.ItemCode} trong tệp Excel.");
            }
            if (!assigned.Add(row.ItemCode))
            {
                Add(sheet, row, WorkbookLayout.ItemCode, $"{row.ItemCode} đã được phân công ở dòng trước; mỗi mục một dòng.");
            }
            var lead = row.Input.LeadUnitCode;
            if (lead is not null && !allUnits.Contains(lead))
            {
                Add(sheet, row, "Mã đơn vị chủ trì", $"Không có đơn vị mã {lead}.");
            }
            else if (lead is not null && (ends.TryGetValue(lead, out var end) ? end : reference.UnitEnds.GetValueOrDefault(lead)) is { } ended && ended < reference.Today
                     && currentAssignments.GetValueOrDefault(row.ItemCode)?.LeadUnitCode != lead)
            {
                Add(sheet, row, "Mã đơn vị chủ trì", $"Đơn vị {lead} đã kết thúc hoạt động ngày {ended:dd/MM/yyyy}; hãy giao cho đơn vị kế thừa.");
            }
            foreach (var code in row.Input.CoordinatingUnitCodes.Where(c => !allUnits.Contains(c)))
            {
                Add(sheet, row, "Mã đơn vị phối hợp (cách nhau bằng dấu ;)", $"Không có đơn vị mã {code}.");
            }
            if (lead is not null && row.Input.CoordinatingUnitCodes.Contains(lead))
            {
                Add(sheet, row, "Mã đơn vị phối hợp (cách nhau bằng dấu ;)", "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
            }
        }
        return problems;
    }

    private static List<string> Duplicates<T>(IEnumerable<T> rows, Func<T, string> key, string sheet, string column, string what, List<ImportProblem> problems) where T : IHasRow
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!seen.Add(key(row)))
            {
                problems.Add(new ImportProblem(sheet, row.Row, column, $"{what} {key(row)} bị trùng với một dòng trước."));
            }
        }
        return [.. seen];
    }

    private static void Check(string sheet, IHasRow row, string column, string? problem, List<ImportProblem> problems)
    {
        if (problem is not null)
        {
            problems.Add(new ImportProblem(sheet, row.Row, column, problem));
        }
    }
}
