using System.Globalization;
using System.Text;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web.Components.Shared;
using HauGiang.Tracker.Web.Components.Pages.Overview;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Pages.Roadmap;

/// <summary>
/// The roadmap in words, from the resources: headings, statuses, markers and the one sentence that describes a
/// row. The chart's accessible names, its hover notes, the data table and the PDF all read here.
/// </summary>
public static class RoadmapText
{
    public static string Heading(this IStringLocalizer<SharedResource> L, RoadmapHeading heading)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(heading);
        return heading switch
        {
            { Id: null } => L[$"Roadmap.NoHeading.{heading.Grouping}"],
            { Grouping: RoadmapGrouping.Breakthrough } => $"{L["Overview.BreakthroughLabel", heading.Ordinal]}: {heading.Title}",
            { Grouping: RoadmapGrouping.Group } => $"{heading.Label}: {heading.Title}",
            _ => heading.Title,
        };
    }

    /// <summary>The status in the one vocabulary: open work without a deadline is "chưa xác định thời hạn", never "trong hạn".</summary>
    public static string Status(this IStringLocalizer<SharedResource> L, FactItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status.IsOpenUndated ? L.Undated() : L.Axis(item.Status.Axis);
    }

    /// <summary>A key for the colour and pattern of a status (the words are always drawn beside it).</summary>
    public static string StatusKey(FactItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status.IsOpenUndated ? "Undated" : item.Status.Axis.ToString();
    }

    public static string Basis(DeadlineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var parts = new[] { step.BasisNumber, step.BasisDate is { } d ? $"({Formats.Day(d)})" : null, step.BasisNote }.Where(p => !string.IsNullOrWhiteSpace(p));
        return string.Join(" ", parts);
    }

    public static string Marker(this IStringLocalizer<SharedResource> L, Marker marker, RoadmapRow row)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(row);
        var day = Formats.Day(marker.Day);
        return marker.Kind switch
        {
            MarkerKind.OriginalDeadline => L["Roadmap.OriginalDeadline", day],
            MarkerKind.AdjustedDeadline when marker.Step is { } s && Basis(s) is { Length: > 0 } basis => L["Roadmap.AdjustedDeadline", day, basis],
            MarkerKind.AdjustedDeadline => L["Roadmap.AdjustedNoBasis", day],
            MarkerKind.Completion => L["Roadmap.Completed", day],
            _ => Milestone(L, row.Milestone!),
        };
    }

    public static string Milestone(this IStringLocalizer<SharedResource> L, MilestoneFact milestone)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(milestone);
        var text = new StringBuilder(L["Roadmap.Milestone", milestone.Title]);
        text.Append(", ").Append(milestone.DueDate is { } due ? L["Roadmap.MilestoneDue", Formats.Day(due)] : L.Undated().ToLower(CultureInfo.GetCultureInfo("vi-VN")));
        text.Append(", ").Append(milestone.CompletedOn is { } done ? L["Roadmap.MilestoneDone", Formats.Day(done)] : L["Roadmap.MilestoneOpen"]);
        return text.ToString();
    }

    /// <summary>The row in one sentence: what it is, where it stands, its plan and every marker with its decision.</summary>
    public static string Describe(this IStringLocalizer<SharedResource> L, RoadmapRow row, DateOnly? earlierDay = null)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(row);
        var item = row.Item;
        if (row.Milestone is { } m)
        {
            return $"{L.Milestone(m)} ({item.Row.Code})";
        }
        var parts = new List<string> { $"{item.Row.Code} {item.Row.Title}", $"{L.Status(item)}, {Formats.Percent(item.Row.Progress)}" };
        if (RoadmapGeometry.Planned(item) is { } plan)
        {
            parts.Add(L["Roadmap.Planned", Formats.Day(plan.From), Formats.Day(plan.To)]);
        }
        if (row.Schedule.WasAdjusted)
        {
            parts.AddRange(row.Schedule.Deadlines.Where(d => d.EndsOn is not null)
                .Select(d => L.Marker(new Marker(d.IsOriginal ? MarkerKind.OriginalDeadline : MarkerKind.AdjustedDeadline, 0, d.EndsOn!.Value, d), row)));
        }
        if (item.Status.CompletedOn is { } done)
        {
            parts.Add(L["Roadmap.Completed", Formats.Day(done)]);
        }
        if (earlierDay is { } then && row.Earlier is { } before && RoadmapGeometry.PlannedEnd(before) is { } end)
        {
            parts.Add(L["Roadmap.Earlier", Formats.Day(then), Formats.Day(end)]);
        }
        return string.Join(". ", parts) + ".";
    }
}
