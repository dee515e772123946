using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Structure;

/// <summary>The whole program as the first page shows it, computed for one day.</summary>
public sealed record ProgramStructure(
    ProgramHeader Program,
    DateOnly AsOf,
    string? CurrentPeriod,
    Totals Totals,
    IReadOnlyList<BreakthroughNode> Breakthroughs,
    IReadOnlyList<GroupNode> Groups,
    IReadOnlyList<ItemRow> Unplaced)
{
    public IEnumerable<ItemRow> AllItems => Breakthroughs.SelectMany(b => b.Items)
        .Concat(Groups.SelectMany(g => g.Items)).Concat(Unplaced).DistinctBy(i => i.Id);

    public bool HasSamples => AllItems.Any(i => i.IsSample);

    /// <summary>
    /// The Program's own tasks or documents to issue (and the samples standing in for them), without the
    /// items of the Secretary's six groups, which are not the Program's text.
    /// </summary>
    public IEnumerable<ItemRow> ProgramItems(WorkItemKind kind) => AllItems.Where(i => i.Kind == kind && i.Origin != ItemOrigin.SecretaryArticle);
}

public sealed record ProgramHeader(
    int Id, string Code, string Title, string IssuingBody, DateOnly IssuedOn, string Term, string Implements,
    string? Motto, string? Spirit, string? Goal, int AmendmentCount);

public sealed record BreakthroughNode(int Id, int Ordinal, string Title, Totals Totals, IReadOnlyList<ItemRow> Items);

/// <summary>A group of tasks and solutions; <see cref="Source"/> cites where its words come from.</summary>
public sealed record GroupNode(int Id, int Ordinal, string Heading, string Title, string? Text, string? Source, Totals Totals, IReadOnlyList<ItemRow> Items);

/// <summary>Progress and status counts of a set of items.</summary>
public sealed record Figures(decimal Progress, StatusCounts Counts)
{
    /// <summary>Progress rolls up from the top-most items of the set (children count through their parent).</summary>
    public static Figures Of(IReadOnlyList<ItemRow> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.Id).ToHashSet();
        var top = items.Where(i => i.ParentId is null || !ids.Contains(i.ParentId.Value));
        var progress = ProgressRollup.Compute(RollupNode.Parent([.. top.Select(i => RollupNode.Leaf(i.Progress, 1m, i.State == ItemState.Dropped))]));
        return new Figures(progress, StatusCounts.Of(items));
    }
}

/// <summary>
/// The figures of the program's real items, and apart from them those of the labelled samples: a total
/// never mixes the two. <see cref="Sample"/> is null when the set holds no sample.
/// </summary>
public sealed record Totals(Figures Real, Figures? Sample)
{
    public static Totals Of(IReadOnlyList<ItemRow> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var samples = items.Where(i => i.IsSample).ToList();
        return new Totals(Figures.Of([.. items.Where(i => !i.IsSample)]), samples.Count == 0 ? null : Figures.Of(samples));
    }
}

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
    ItemOrigin Origin,
    ItemState State,
    UnitRef? Lead,
    Deadline Deadline,
    Deadline OriginalDeadline,
    ItemStatus Status,
    decimal Progress,
    DateTime? LastReportAt);

/// <summary>
/// How many items stand where: the two axes, open work without a deadline apart from them (never
/// "trong hạn", never overdue), plus the two flags leaders watch. The five buckets add up to <see cref="Total"/>.
/// </summary>
public sealed record StatusCounts(int Total, int DoneOnTime, int DoneLate, int OpenWithinDeadline, int Overdue, int Undated, int NotStarted, int NoReportThisPeriod)
{
    public static StatusCounts Of(IEnumerable<ItemRow> items)
    {
        var counted = items.Where(i => i.State != ItemState.Dropped).Select(i => i.Status).ToList();
        return new StatusCounts(
            counted.Count,
            counted.Count(s => s.Axis == ProgressAxis.DoneOnTime),
            counted.Count(s => s.Axis == ProgressAxis.DoneLate),
            counted.Count(s => s.Axis == ProgressAxis.OpenWithinDeadline && !s.IsOpenUndated),
            counted.Count(s => s.Axis == ProgressAxis.Overdue),
            counted.Count(s => s.IsOpenUndated),
            counted.Count(s => s.NotStarted),
            counted.Count(s => s.NoReportThisPeriod));
    }
}
