using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Items;

namespace HauGiang.Tracker.UnitTests.Items;

/// <summary>A small program held in memory, the way the editors load it, so the item rules run without a database.</summary>
internal static class InMemoryProgram
{
    public static readonly DateOnly Today = new(2024, 5, 10);

    /// <summary>Items 1 and 1.1 (under 1); units A, B, C active and OLD ended; breakthrough 1 and group 1.</summary>
    public static ProgramContext Build()
    {
        var root = new TaskItem { Id = 1, Code = "1", Title = "Gốc" };
        var child = new TaskItem { Id = 2, Code = "1.1", Title = "Con", ParentId = 1 };
        return new ProgramContext
        {
            Program = new ActionProgram { Id = 7, Code = "50-CTr/TU", Title = "Chương trình", IssuingBody = "Tỉnh ủy", Implements = "Nghị quyết", IssuedOn = new DateOnly(2021, 6, 1), TermStartYear = 2020, TermEndYear = 2025 },
            Items = new Dictionary<string, WorkItem>(StringComparer.Ordinal) { [root.Code] = root, [child.Code] = child },
            Units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal)
            {
                ["A"] = new OrgUnit { Id = 101, Code = "A", Name = "Sở A" },
                ["B"] = new OrgUnit { Id = 102, Code = "B", Name = "Sở B" },
                ["C"] = new OrgUnit { Id = 103, Code = "C", Name = "Sở C" },
                ["OLD"] = new OrgUnit { Id = 104, Code = "OLD", Name = "Sở Cũ", ValidTo = Today.AddDays(-1) },
            },
            Breakthroughs = new Dictionary<int, int> { [1] = 11 },
            Groups = new Dictionary<int, int> { [1] = 21 },
            Today = Today,
        };
    }

    public static ItemInput Task(string code = "2", string title = "Nhiệm vụ mới") => new(WorkItemKind.Task, code, title);
}
