using HauGiang.Tracker.Core.Features.Overview;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>A horizontal stretch of a row: from <see cref="X"/>, <see cref="Width"/> long.</summary>
public sealed record Bar(double X, double Width);

public enum MarkerKind
{
    /// <summary>The deadline the item was first given.</summary>
    OriginalDeadline,
    /// <summary>A deadline set by an adjustment (the last one is in force).</summary>
    AdjustedDeadline,
    /// <summary>The day the item was done: the confirmed report at 100 %, or the document's issue day.</summary>
    Completion,
    /// <summary>A milestone not done by the day.</summary>
    Milestone,
    /// <summary>A milestone done by the day.</summary>
    MilestoneDone,
}

/// <summary>A mark on a row at the middle of a day; <see cref="Step"/> for a deadline marker.</summary>
public sealed record Marker(MarkerKind Kind, double X, DateOnly Day, DeadlineStep? Step = null);

/// <summary>What a row draws: the planned bar and the progress inside it, the earlier plan, the markers; or nothing dated.</summary>
public sealed record RowShape(Bar? Planned, double ProgressWidth, Bar? Earlier, IReadOnlyList<Marker> Markers)
{
    public bool Undated => Planned is null && Markers.Count == 0;
}

/// <summary>Where each part of a row falls on a <see cref="TimelineScale"/>; the page and the PDF draw from it alike.</summary>
public static class RoadmapGeometry
{
    /// <summary>The end of the planned bar: the last day the deadline in force allows; null without one (undated, ongoing).</summary>
    public static DateOnly? PlannedEnd(FactItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ScheduleDays.EndOf(item.Row.Deadline);
    }

    /// <summary>The planned span: from the item's start (its end when it has none or starts later) to the deadline in force.</summary>
    public static (DateOnly From, DateOnly To)? Planned(FactItem item)
    {
        if (PlannedEnd(item) is not { } end)
        {
            return null;
        }
        var start = item.StartsOn is { } s && s <= end ? s : end;
        return (start, end);
    }

    public static RowShape Shape(TimelineScale scale, RoadmapRow row)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Milestone is { } milestone)
        {
            return milestone.DueDate is { } due
                ? new RowShape(null, 0, null, [new Marker(milestone.CompletedOn is null ? MarkerKind.Milestone : MarkerKind.MilestoneDone, scale.Centre(due), due)])
                : new RowShape(null, 0, null, []);
        }
        var item = row.Item;
        var planned = Planned(item) is { } p ? Bar(scale, p.From, p.To) : null;
        var progress = planned is null ? 0 : planned.Width * (double)Math.Clamp(item.Row.Progress, 0m, 100m) / 100d;
        var earlier = row.Earlier is { } before && Planned(before) is { } e ? Bar(scale, e.From, e.To) : null;
        var markers = new List<Marker>();
        if (row.Schedule.WasAdjusted)
        {
            markers.AddRange(row.Schedule.Deadlines.Where(d => d.EndsOn is not null)
                .Select(d => new Marker(d.IsOriginal ? MarkerKind.OriginalDeadline : MarkerKind.AdjustedDeadline, scale.Centre(d.EndsOn!.Value), d.EndsOn.Value, d)));
        }
        if (item.Status.CompletedOn is { } done)
        {
            markers.Add(new Marker(MarkerKind.Completion, scale.Centre(done), done));
        }
        return new RowShape(planned, progress, earlier, markers);
    }

    /// <summary>Where the line of the day stands (today, or the past day the roadmap is shown as of).</summary>
    public static double DayLine(TimelineScale scale, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return scale.Centre(day);
    }

    private static Bar Bar(TimelineScale scale, DateOnly from, DateOnly to)
    {
        var (x, width) = scale.Span(from, to);
        return new Bar(x, width);
    }
}
