using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Items;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>Where a row came from in the workbook (0 when it came from the database).</summary>
public interface IHasRow
{
    int Row { get; }
}

public sealed record UnitRow(int Row, UnitInput Input) : IHasRow;

public sealed record BreakthroughRow(int Row, int Ordinal, string Title, string? Description) : IHasRow;

public sealed record GroupRow(int Row, int Ordinal, string Heading, string Title, string? Text) : IHasRow;

public sealed record ItemSheetRow(int Row, ItemInput Input, ItemState State, string? DeadlineInForce) : IHasRow;

public sealed record MilestoneRow(int Row, string ItemCode, MilestoneInput Milestone) : IHasRow;

public sealed record IndicatorRow(int Row, IndicatorInput Input) : IHasRow;

public sealed record AssignmentRow(int Row, string ItemCode, AssignmentInput Input) : IHasRow;

/// <summary>The program's structure as rows: what the workbook holds, and what the database holds, in one shape to compare.</summary>
public sealed record StructureSnapshot(
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<BreakthroughRow> Breakthroughs,
    IReadOnlyList<GroupRow> Groups,
    IReadOnlyList<ItemSheetRow> Tasks,
    IReadOnlyList<ItemSheetRow> Documents,
    IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<AssignmentRow> Assignments)
{
    public IEnumerable<ItemSheetRow> Items => Tasks.Concat(Documents);
}

/// <summary>A problem in a workbook, where a person would look for it.</summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => Row == 0 ? $"[{Sheet}] {Message}" : $"[{Sheet}, dòng {Row}{(Column.Length > 0 ? $", cột “{Column}”" : "")}] {Message}";
}
