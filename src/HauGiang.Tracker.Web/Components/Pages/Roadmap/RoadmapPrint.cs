using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web.Components.Pages.Overview;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Pages.Roadmap;

/// <summary>The words of the printed roadmap, from the same resources and sentences as the page.</summary>
public static class RoadmapPrint
{
    public static RoadmapPdfWords Words(IStringLocalizer<SharedResource> L, ProgramRoadmap roadmap, TimelineZoom zoom)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(roadmap);
        var facts = roadmap.Facts;
        var asOf = facts.Basis == FactsBasis.ClosedPeriod && facts.Period is { } p
            ? L["Overview.ClosedPeriod", p.Label, Formats.Day(p.ClosedAt is { } at ? VietnamClock.DayOf(at) : facts.AsOf)]
            : L["Overview.AsOf", Formats.Day(facts.AsOf)];
        var legend = new List<(LegendSymbol, string)>
        {
            (LegendSymbol.Plan, L["Roadmap.Legend.Plan"]),
            (LegendSymbol.Progress, L["Roadmap.Legend.Progress"]),
            (LegendSymbol.Overdue, L.Axis(ProgressAxis.Overdue)),
            (LegendSymbol.DoneLate, L.Axis(ProgressAxis.DoneLate)),
            (LegendSymbol.OriginalDeadline, L["Roadmap.Legend.Original"]),
            (LegendSymbol.AdjustedDeadline, L["Roadmap.Legend.Adjusted"]),
            (LegendSymbol.Completion, L["Roadmap.Legend.Completion"]),
            (LegendSymbol.Milestone, L["Roadmap.Legend.Milestone"]),
        };
        if (roadmap.Earlier is not null)
        {
            legend.Add((LegendSymbol.Earlier, L["Roadmap.Legend.Earlier"]));
        }
        legend.Add((LegendSymbol.DayLine, L["Roadmap.Legend.DayLine"]));
        return new RoadmapPdfWords(
            L["Roadmap.Title"],
            $"{facts.Program.Code} · {facts.Program.Title}",
            asOf,
            L["Roadmap.Filters", Scope(L, roadmap, zoom)],
            L["Roadmap.ItemColumn"],
            L.Undated(),
            L["Roadmap.Page"],
            legend,
            h => L.Heading(h),
            r => r.Milestone is { } m ? $"◆ {m.Title}" : $"{r.Item.Row.Code} {r.Item.Row.Title}",
            r => $"{L.Status(r.Item)} · {Formats.Percent(r.Item.Row.Progress)}");
    }

    /// <summary>What the roadmap holds, in words: the filters, the grouping, the zoom and the day compared with.</summary>
    public static string Scope(IStringLocalizer<SharedResource> L, ProgramRoadmap roadmap, TimelineZoom zoom)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(roadmap);
        var facts = roadmap.Facts;
        var filter = roadmap.Filter;
        var parts = new List<string>();
        if (facts.Breakthroughs.FirstOrDefault(b => b.Id == filter.BreakthroughId) is { } b)
        {
            parts.Add($"{L["Overview.BreakthroughLabel", b.Ordinal]}: {b.Title}");
        }
        if (facts.Groups.FirstOrDefault(g => g.Id == filter.GroupId) is { } g)
        {
            parts.Add($"{g.Label}: {g.Title}");
        }
        if (facts.Units.FirstOrDefault(u => u.Id == filter.UnitId) is { } u)
        {
            parts.Add($"{L["Roadmap.GroupBy.Unit"]}: {u.Name}");
        }
        if (filter.Kind is { } kind)
        {
            parts.Add(L[$"Kind.{kind}"]);
        }
        if (filter.Bucket != StatusBucket.All)
        {
            parts.Add(L.Bucket(filter.Bucket));
        }
        if (filter.Samples)
        {
            parts.Add(L["Overview.Samples"]);
        }
        if (parts.Count == 0)
        {
            parts.Add(L["Roadmap.AllItems"]);
        }
        parts.Add($"{L["Roadmap.GroupBy"]}: {L[$"Roadmap.GroupBy.{roadmap.GroupBy}"]}");
        parts.Add($"{L["Roadmap.Zoom"]}: {L[$"Roadmap.Zoom.{zoom}"]}");
        if (roadmap.Earlier is { } earlier)
        {
            parts.Add(L["Roadmap.Moves", Formats.Day(earlier.AsOf)]);
        }
        return string.Join("; ", parts);
    }
}
