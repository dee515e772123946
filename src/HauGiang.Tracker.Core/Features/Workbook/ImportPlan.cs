using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Workbook;

public enum PlanAction
{
    Add,
    Change,
    Drop,
}

public sealed record PlanLine(string Sheet, string Key, PlanAction Action, string Description);

/// <summary>What an import will add, change and drop; its fingerprint ties a confirmation to exactly this plan.</summary>
public sealed record ImportPlan(IReadOnlyList<PlanLine> Lines)
{
    public bool IsEmpty => Lines.Count == 0;

    public int Count(PlanAction action) => Lines.Count(l => l.Action == action);

    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Lines.Select(l => $"{l.Sheet}|{l.Key}|{l.Action}|{l.Description}")))));
}

/// <summary>Compares the workbook with the database, field by field.</summary>
internal static class ImportPlanner
{
    public static ImportPlan Plan(StructureSnapshot book, ReferenceState reference)
    {
        var lines = new List<PlanLine>();
        var now = reference.Current;

        Compare(lines, WorkbookLayout.Units.Name, now.Units, book.Units, u => u.Input.Code, u => u.Input.Name, (a, b) => Changes(
            ("Tên", a.Input.Name, b.Input.Name), ("Tên viết tắt", a.Input.ShortName, b.Input.ShortName), ("Loại", WorkbookLayout.UnitKinds[a.Input.Kind], WorkbookLayout.UnitKinds[b.Input.Kind]),
            ("Đơn vị cấp trên", a.Input.ParentCode, b.Input.ParentCode), ("Hiệu lực đến", Day(a.Input.ValidTo), Day(b.Input.ValidTo))), drop: false);
        Compare(lines, WorkbookLayout.Breakthroughs.Name, now.Breakthroughs, book.Breakthroughs, b => Number(b.Ordinal)!, b => b.Title, (a, b) => Changes(
            ("Tên", a.Title, b.Title), ("Mô tả", a.Description, b.Description)), drop: false);
        Compare(lines, WorkbookLayout.Groups.Name, now.Groups, book.Groups, g => Number(g.Ordinal)!, g => g.Title, (a, b) => Changes(
            ("Tiêu đề", a.Heading, b.Heading), ("Tên nhóm", a.Title, b.Title), ("Nguyên văn", a.Text, b.Text)), drop: false);
        foreach (var (sheet, current, incoming) in new[] { (WorkbookLayout.Tasks.Name, now.Tasks, book.Tasks), (WorkbookLayout.Documents.Name, now.Documents, book.Documents) })
        {
            Compare(lines, sheet, current, incoming, i => i.Input.Code, i => i.Input.Title, (a, b) => Changes(
                ("Nội dung", a.Input.Title, b.Input.Title), ("Mô tả", a.Input.Description, b.Input.Description), ("Thuộc nhiệm vụ", a.Input.ParentCode, b.Input.ParentCode),
                ("Đột phá", Number(a.Input.BreakthroughOrdinal), Number(b.Input.BreakthroughOrdinal)), ("Nhóm", Number(a.Input.GroupOrdinal), Number(b.Input.GroupOrdinal)),
                ("Thời hạn", Deadline(a.Input.Deadline, reference), Deadline(b.Input.Deadline, reference)), ("Ngày bắt đầu", Day(a.Input.StartsOn), Day(b.Input.StartsOn)),
                ("Trọng số", Weight(a.Input.Weight), Weight(b.Input.Weight)),
                ("Loại văn bản", WorkbookLayout.DocumentTypes[a.Input.DocumentType], WorkbookLayout.DocumentTypes[b.Input.DocumentType]),
                ("Cấp ban hành", a.Input.IssuingAuthority, b.Input.IssuingAuthority), ("Tình trạng", WorkbookLayout.States[a.State], WorkbookLayout.States[b.State])),
                drop: true, dropWords: "Đánh dấu “Đã bỏ” (không còn trong tệp Excel)", canDrop: i => i.State != Domain.ItemState.Dropped);
        }
        Compare(lines, WorkbookLayout.Milestones.Name, now.Milestones, book.Milestones, m => $"{m.ItemCode} #{m.Milestone.Ordinal}", m => m.Milestone.Title, (a, b) => Changes(
            ("Nội dung", a.Milestone.Title, b.Milestone.Title), ("Hạn", Day(a.Milestone.DueDate), Day(b.Milestone.DueDate)),
            ("Ngày hoàn thành", Day(a.Milestone.CompletedOn), Day(b.Milestone.CompletedOn)), ("Ghi chú", a.Milestone.Note, b.Milestone.Note)), drop: true, dropWords: "Xóa mốc");
        Compare(lines, "Chỉ tiêu", now.Indicators, book.Indicators, i => i.Input.Code, i => i.Input.Name, (a, b) => Changes(
            ("Tên", a.Input.Name, b.Input.Name), ("Đơn vị tính", a.Input.Measure, b.Input.Measure), ("Chiều", WorkbookLayout.Directions[a.Input.Direction], WorkbookLayout.Directions[b.Input.Direction]),
            ("Đơn vị phụ trách", a.Input.ResponsibleUnitCode, b.Input.ResponsibleUnitCode), ("Nhóm", Number(a.Input.GroupOrdinal), Number(b.Input.GroupOrdinal)),
            ("Đột phá", Number(a.Input.BreakthroughOrdinal), Number(b.Input.BreakthroughOrdinal)), ("Mô tả", a.Input.Description, b.Input.Description),
            ("Chỉ tiêu theo năm", Targets(a.Input.Targets), Targets(b.Input.Targets))), drop: false);
        var assignments = now.Assignments.ToDictionary(a => a.ItemCode, StringComparer.Ordinal);
        foreach (var row in book.Assignments)
        {
            var before = assignments.GetValueOrDefault(row.ItemCode)?.Input ?? new AssignmentInput(null, [], null);
            var changes = Changes(("Chủ trì", before.LeadUnitCode, row.Input.LeadUnitCode),
                ("Phối hợp", Units(before.CoordinatingUnitCodes), Units(row.Input.CoordinatingUnitCodes)), ("Cá nhân phụ trách", before.ResponsiblePerson, row.Input.ResponsiblePerson));
            if (changes is not null)
            {
                lines.Add(new PlanLine("Phân công", row.ItemCode, PlanAction.Change, changes));
            }
        }
        return new ImportPlan(lines);
    }

    private static void Compare<T>(List<PlanLine> lines, string sheet, IReadOnlyList<T> current, IReadOnlyList<T> incoming, Func<T, string> key, Func<T, string> name,
        Func<T, T, string?> changes, bool drop, string dropWords = "", Func<T, bool>? canDrop = null)
    {
        var before = current.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in incoming)
        {
            var k = key(row);
            if (!seen.Add(k))
            {
                continue;
            }
            if (!before.TryGetValue(k, out var old))
            {
                lines.Add(new PlanLine(sheet, k, PlanAction.Add, $"Thêm: {Short(name(row))}"));
            }
            else if (changes(old, row) is { } what)
            {
                lines.Add(new PlanLine(sheet, k, PlanAction.Change, what));
            }
        }
        if (drop)
        {
            lines.AddRange(before.Keys.Where(k => !seen.Contains(k) && (canDrop?.Invoke(before[k]) ?? true)).Select(k => new PlanLine(sheet, k, PlanAction.Drop, $"{dropWords}: {Short(name(before[k]))}")));
        }
    }

    private static string? Changes(params (string Field, string? Before, string? After)[] fields)
    {
        var changed = fields.Where(f => !string.Equals(f.Before ?? "", f.After ?? "", StringComparison.Ordinal))
            .Select(f => $"{f.Field}: “{Short(f.Before ?? "")}” → “{Short(f.After ?? "")}”").ToList();
        return changed.Count == 0 ? null : string.Join("; ", changed);
    }

    private static string? Deadline(string? text, ReferenceState reference)
    {
        var (deadline, problem) = StructureRules.ReadDeadline(text, reference.FirstYear, reference.LastYear);
        return problem is null ? DeadlineParser.Format(deadline) + (deadline.DueDate is { } d ? $" ({d:dd/MM/yyyy})" : "") : text;
    }

    private static string Targets(IReadOnlyDictionary<int, string?> targets) =>
        string.Join(", ", targets.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => t.Key)
            .Select(t => $"{t.Key}: {IndicatorAdministration.FormatTarget(Target(t.Value!))}"));

    private static Domain.IndicatorTarget Target(string text)
    {
        var (number, words) = IndicatorAdministration.ReadTarget(text);
        return new Domain.IndicatorTarget { Target = number, TargetText = words };
    }

    private static string Units(IReadOnlyList<string> codes) => string.Join("; ", codes.Order(StringComparer.Ordinal));

    private static string? Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string Weight(decimal n) => n.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
