using System.Globalization;
using HauGiang.Tracker.Core.Features.Overview;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>
/// Lays the read model out as a roadmap: the items the filter keeps (the same filter as the overview's lists, so
/// the counts agree), each followed by its milestones, under the headings of the grouping chosen.
/// </summary>
public static class RoadmapBuilder
{
    /// <summary>The span is never shorter than the program's horizon, so every roadmap of it lines up.</summary>
    public const int HorizonYear = 2030;

    private const int MaxDepth = 3;
    private static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    public static ProgramRoadmap Build(ProgramFacts facts, IReadOnlyDictionary<int, ItemSchedule> schedules, ItemFilter filter, RoadmapGrouping groupBy,
        ProgramFacts? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(filter);
        var kept = filter.Apply(facts).ToList();
        var before = earlier?.Items.Where(i => i.Counts).ToDictionary(i => i.Id);
        var lines = new List<RoadmapLine>(kept.Count + 16);
        foreach (var (heading, items) in Grouped(facts, kept, groupBy))
        {
            lines.Add(new RoadmapLine(heading, null));
            foreach (var item in items)
            {
                var schedule = schedules.GetValueOrDefault(item.Id) ?? ItemSchedule.None;
                var depth = Math.Min(item.Row.Depth, MaxDepth);
                lines.Add(new RoadmapLine(null, new RoadmapRow(item, null, depth, schedule, before?.GetValueOrDefault(item.Id))));
                lines.AddRange(schedule.Milestones.Select(m => new RoadmapLine(null, new RoadmapRow(item, m, depth + 1, schedule))));
            }
        }
        var (first, last) = Span(facts, schedules);
        return new ProgramRoadmap(facts, filter, groupBy, first, last, lines, kept.Count, earlier, before is null ? [] : Moves(kept, before, facts.AsOf, earlier!.AsOf));
    }

    private static IEnumerable<(RoadmapHeading Heading, List<FactItem> Items)> Grouped(ProgramFacts facts, List<FactItem> kept, RoadmapGrouping groupBy)
    {
        int? KeyOf(FactItem i) => groupBy switch
        {
            RoadmapGrouping.Breakthrough => i.BreakthroughId,
            RoadmapGrouping.Group => i.GroupId,
            _ => i.Row.Lead?.Id,
        };
        var byKey = kept.GroupBy(KeyOf).ToDictionary(g => g.Key ?? 0, g => g.ToList());
        var headings = groupBy switch
        {
            RoadmapGrouping.Breakthrough => facts.Breakthroughs.Select(h => new RoadmapHeading(groupBy, h.Id, h.Ordinal, h.Label, h.Title, 0)),
            RoadmapGrouping.Group => facts.Groups.Select(h => new RoadmapHeading(groupBy, h.Id, h.Ordinal, h.Label, h.Title, 0)),
            _ => kept.Where(i => i.Row.Lead is not null).Select(i => i.Row.Lead!).DistinctBy(u => u.Id).OrderBy(u => u.Name, Vietnamese)
                .Select((u, n) => new RoadmapHeading(groupBy, u.Id, n + 1, "", u.Name, 0)),
        };
        foreach (var heading in headings.Append(new RoadmapHeading(groupBy, null, int.MaxValue, "", "", 0)))
        {
            if (byKey.TryGetValue(heading.Id ?? 0, out var items) && items.Count > 0)
            {
                yield return (heading with { Count = items.Count }, items);
            }
        }
    }

    private static List<RoadmapMove> Moves(List<FactItem> kept, Dictionary<int, FactItem> before, DateOnly after, DateOnly then) =>
        [.. kept.Where(i => before.ContainsKey(i.Id)).Select(i =>
        {
            var b = before[i.Id];
            return new RoadmapMove(b, i, RoadmapGeometry.PlannedEnd(b), RoadmapGeometry.PlannedEnd(i), Comparison.BucketOf(b, then), Comparison.BucketOf(i, after));
        }).Where(m => m.DeadlineMoved || m.BucketBefore != m.BucketAfter || RoadmapGeometry.Planned(m.Before)?.From != RoadmapGeometry.Planned(m.After)?.From)];

    // From the year the program was issued (or an earlier date it holds) to 2030 (or a later one), within reason.
    private static (int First, int Last) Span(ProgramFacts facts, IReadOnlyDictionary<int, ItemSchedule> schedules)
    {
        var issued = facts.Program.IssuedOn.Year;
        var days = facts.Items.SelectMany(i => new[] { i.StartsOn, RoadmapGeometry.PlannedEnd(i), i.Status.CompletedOn })
            .Concat(schedules.Values.SelectMany(s => s.Deadlines.Select(d => d.EndsOn).Concat(s.Milestones.Select(m => m.DueDate))))
            .Append(facts.AsOf)
            .OfType<DateOnly>().Select(d => d.Year).ToList();
        var first = Math.Clamp(days.Count == 0 ? issued : Math.Min(days.Min(), issued), issued - 10, issued);
        var last = Math.Clamp(days.Count == 0 ? HorizonYear : Math.Max(days.Max(), HorizonYear), HorizonYear, issued + 30);
        return (first, last);
    }
}
