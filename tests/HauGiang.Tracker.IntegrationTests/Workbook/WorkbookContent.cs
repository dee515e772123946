using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Workbook;

namespace HauGiang.Tracker.IntegrationTests.Workbook;

/// <summary>
/// A workbook's content as one line of fields per row, keyed by sheet and code, so what a workbook says and
/// what the database stored (exported again) compare row by row and field by field. Values are written the
/// way the import understands them (a deadline as the deadline it reads, a target as the number it keeps),
/// so only a real difference shows.
/// </summary>
internal sealed class WorkbookContent(int firstYear, int lastYear)
{
    public StructureSnapshot Parse(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        var parser = new WorkbookParser(SheetReader.Read(stream), firstYear, lastYear);
        var book = parser.Parse();
        Assert.True(parser.Problems.Count == 0, string.Join("\n", parser.Problems));
        return book;
    }

    /// <summary>
    /// What the database must hold after importing <paramref name="book"/> over <paramref name="before"/>: the
    /// workbook's rows; items it leaves out marked dropped; milestones of the items it lists exactly its own;
    /// units, breakthroughs, groups, indicators and assignments it leaves out untouched.
    /// </summary>
    public static StructureSnapshot Expected(StructureSnapshot before, StructureSnapshot book)
    {
        var listed = book.Items.Select(i => i.Input.Code).ToHashSet(StringComparer.Ordinal);
        ItemSheetRow[] Items(IReadOnlyList<ItemSheetRow> old, IReadOnlyList<ItemSheetRow> incoming) =>
            [.. incoming, .. old.Where(i => !listed.Contains(i.Input.Code)).Select(i => i with { State = ItemState.Dropped })];
        return new StructureSnapshot(
            Keep(before.Units, book.Units, u => u.Input.Code),
            Keep(before.Breakthroughs, book.Breakthroughs, b => b.Ordinal.ToString(CultureInfo.InvariantCulture)),
            Keep(before.Groups, book.Groups, g => g.Ordinal.ToString(CultureInfo.InvariantCulture)),
            Items(before.Tasks, book.Tasks),
            Items(before.Documents, book.Documents),
            [.. book.Milestones, .. before.Milestones.Where(m => !listed.Contains(m.ItemCode))],
            Keep(before.Indicators, book.Indicators, i => i.Input.Code),
            Keep(before.Assignments, book.Assignments, a => a.ItemCode));
    }

    private static T[] Keep<T>(IReadOnlyList<T> old, IReadOnlyList<T> incoming, Func<T, string> key)
    {
        var keys = incoming.Select(key).ToHashSet(StringComparer.Ordinal);
        return [.. incoming, .. old.Where(o => !keys.Contains(key(o)))];
    }

    /// <summary>Every row as "sheet|key" → its fields; a key twice would hide a row, so it fails.</summary>
    public SortedDictionary<string, string> Rows(StructureSnapshot s)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, params object?[] fields) =>
            Assert.True(rows.TryAdd(key, string.Join(" | ", fields.Select(f => f is null ? "∅" : Convert.ToString(f, CultureInfo.InvariantCulture)))), $"{key} twice");

        foreach (var u in s.Units)
        {
            Add($"Đơn vị|{u.Input.Code}", u.Input.Name, u.Input.ShortName, u.Input.Kind, u.Input.ParentCode, u.Input.ValidTo);
        }
        foreach (var b in s.Breakthroughs)
        {
            Add($"Đột phá|{b.Ordinal}", b.Title, b.Description);
        }
        foreach (var g in s.Groups)
        {
            Add($"Nhóm|{g.Ordinal}", g.Heading, g.Title, g.Text);
        }
        foreach (var i in s.Items)
        {
            var x = i.Input;
            Add($"Mục|{x.Code}", x.Kind, x.Title, x.Description, x.ParentCode, x.BreakthroughOrdinal, x.GroupOrdinal, Deadline(x.Deadline), x.StartsOn,
                x.Weight.ToString("0.############", CultureInfo.InvariantCulture), x.DocumentType, x.IssuingAuthority, i.State);
        }
        foreach (var m in s.Milestones)
        {
            Add($"Mốc|{m.ItemCode}#{m.Milestone.Ordinal}", m.Milestone.Title, m.Milestone.DueDate, m.Milestone.CompletedOn, m.Milestone.Note);
        }
        foreach (var i in s.Indicators)
        {
            var x = i.Input;
            var targets = string.Join(", ", x.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => t.Key).Select(t => $"{t.Key}={Target(t.Value!)}"));
            Add($"Chỉ tiêu|{x.Code}", x.Name, x.Measure, x.Direction, x.ResponsibleUnitCode, x.GroupOrdinal, x.BreakthroughOrdinal, x.Description, targets);
        }
        foreach (var a in s.Assignments)
        {
            Add($"Phân công|{a.ItemCode}", a.Input.LeadUnitCode, string.Join(";", a.Input.CoordinatingUnitCodes.Order(StringComparer.Ordinal)), a.Input.ResponsiblePerson);
        }
        return rows;
    }

    /// <summary>The rows that differ, each with both sides: empty when the two say the same.</summary>
    public static List<string> Differences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        [.. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}\n  tệp Excel: {expected.GetValueOrDefault(k) ?? "(không có)"}\n  đã lưu:  {actual.GetValueOrDefault(k) ?? "(không có)"}")];

    private string Deadline(string? text)
    {
        var deadline = StructureRules.ReadDeadline(text, firstYear, lastYear).Deadline;
        return $"{DeadlineParser.Format(deadline)} {deadline.DueDate:yyyy-MM-dd}";
    }

    private static string? Target(string text)
    {
        var (number, words) = IndicatorAdministration.ReadTarget(text);
        return IndicatorAdministration.FormatTarget(new IndicatorTarget { Target = number, TargetText = words });
    }
}
