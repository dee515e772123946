using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Structure;

/// <summary>The whole program as the first page shows it, computed for one day.</summary>
public sealed record ProgramStructure(
    ProgramHeader Program,
    DateOnly AsOf,
    string? CurrentPeriod,
    decimal Progress,
    StatusCounts Counts,
    IReadOnlyList<BreakthroughNode> Breakthroughs,
    IReadOnlyList<GroupNode> Groups,
    IReadOnlyList<ItemRow> Unplaced)
{
    public IEnumerable<ItemRow> AllItems => Breakthroughs.SelectMany(b => b.Items)
        .Concat(Groups.SelectMany(g => g.Items)).Concat(Unplaced).DistinctBy(i => i.Id);

    public bool HasSamples => AllItems.Any(i => i.IsSample);
}

public sealed record ProgramHeader(
    int Id, string Code, string Title, string IssuingBody, DateOnly IssuedOn, string Term, string Implements,
    string? Motto, string? Spirit, string? Goal, int AmendmentCount);

public sealed record BreakthroughNode(int Id, int Ordinal, string Title, decimal Progress, StatusCounts Counts, IReadOnlyList<ItemRow> Items);

public sealed record GroupNode(int Id, int Ordinal, string Heading, string Title, string? Text, decimal Progress, StatusCounts Counts, IReadOnlyList<ItemRow> Items);

/// <summary>A unit as shown beside an item; <see cref="FormerName"/> is the unit it took the work over from.</summary>
public sealed record UnitRef(int Id, string Name, string? FormerName);

public sealed record ItemRow(
    int Id,
    string Code,
    string Title,
    WorkItemKind Kind,
    int? ParentId,
    int Depth,
    bool IsSample,
    ItemState State,
    UnitRef? Lead,
    Deadline Deadline,
    Deadline OriginalDeadline,
    ItemStatus Status,
    decimal Progress,
    DateTime? LastReportAt);

/// <summary>How many items stand where: the two axes plus the two flags leaders watch.</summary>
public sealed record StatusCounts(int Total, int DoneOnTime, int DoneLate, int OpenWithinDeadline, int Overdue, int NotStarted, int NoReportThisPeriod)
{
    public static StatusCounts Of(IEnumerable<ItemRow> items)
    {
        var counted = items.Where(i => i.State != ItemState.Dropped).Select(i => i.Status).ToList();
        return new StatusCounts(
            counted.Count,
            counted.Count(s => s.Axis == ProgressAxis.DoneOnTime),
            counted.Count(s => s.Axis == ProgressAxis.DoneLate),
            counted.Count(s => s.Axis == ProgressAxis.OpenWithinDeadline),
            counted.Count(s => s.Axis == ProgressAxis.Overdue),
            counted.Count(s => s.NotStarted),
            counted.Count(s => s.NoReportThisPeriod));
    }
}
