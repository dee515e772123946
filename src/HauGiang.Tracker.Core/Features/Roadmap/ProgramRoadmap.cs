using HauGiang.Tracker.Core.Features.Overview;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>How the roadmap's rows are grouped: by breakthrough, by group of tasks or by lead unit.</summary>
public enum RoadmapGrouping
{
    Breakthrough,
    Group,
    Unit,
}

/// <summary>A heading of the roadmap: a breakthrough, a group or a unit (its id), or the rows in none (null id).</summary>
public sealed record RoadmapHeading(RoadmapGrouping Grouping, int? Id, int Ordinal, string Label, string Title, int Count);

/// <summary>
/// One row of the roadmap: an item (task, sub-task or document), or one of its milestones. <see cref="Earlier"/>
/// is the same item on the day compared with, when there is one.
/// </summary>
public sealed record RoadmapRow(FactItem Item, MilestoneFact? Milestone, int Depth, ItemSchedule Schedule, FactItem? Earlier = null)
{
    public bool IsMilestone => Milestone is not null;

    /// <summary>A stable key for the row: the item, or the item and its milestone.</summary>
    public string Key => Milestone is { } m ? $"{Item.Id}-m{m.Id}" : Item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the row has no day to be drawn at: an item without a deadline, a milestone without a due day.</summary>
    public bool Undated => Milestone is { } m ? m.DueDate is null : RoadmapGeometry.PlannedEnd(Item) is null;
}

/// <summary>A line of the roadmap as drawn: a heading or a row (exactly one of the two).</summary>
public sealed record RoadmapLine(RoadmapHeading? Heading, RoadmapRow? Row);

/// <summary>An item whose plan or standing differs between the two days compared.</summary>
public sealed record RoadmapMove(FactItem Before, FactItem After, DateOnly? EndBefore, DateOnly? EndAfter, StatusBucket BucketBefore, StatusBucket BucketAfter)
{
    public bool DeadlineMoved => EndBefore != EndAfter;

    public int? DaysMoved => (EndBefore, EndAfter) is ({ } b, { } a) ? a.DayNumber - b.DayNumber : null;
}

/// <summary>
/// The roadmap of a program on a day: the rows the filter keeps, grouped, in the program's order, with the span
/// of years it is drawn over; with a second day, the items that moved between the two.
/// </summary>
public sealed record ProgramRoadmap(
    ProgramFacts Facts,
    ItemFilter Filter,
    RoadmapGrouping GroupBy,
    int FirstYear,
    int LastYear,
    IReadOnlyList<RoadmapLine> Lines,
    int ItemCount,
    ProgramFacts? Earlier,
    IReadOnlyList<RoadmapMove> Moves)
{
    public IEnumerable<RoadmapRow> Rows => Lines.Where(l => l.Row is not null).Select(l => l.Row!);

    public TimelineScale ScreenScale(TimelineZoom zoom) => TimelineScale.ForScreen(FirstYear, LastYear, zoom);
}
