using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>One item on two days: its bucket and percent before and after.</summary>
public sealed record ItemChange(FactItem? Before, FactItem After, StatusBucket BucketBefore, StatusBucket BucketAfter)
{
    public decimal PercentBefore => Before?.Row.Progress ?? 0m;
    public decimal PercentChange => After.Row.Progress - PercentBefore;
    public bool StatusChanged => BucketBefore != BucketAfter;
}

/// <summary>
/// What changed between two days (or two closed periods) for one scope: the totals side by side and the items
/// that changed status, changed percent, became overdue, were completed, and the documents issued in between.
/// </summary>
public sealed record Comparison(
    ProgramOverview Before,
    ProgramOverview After,
    IReadOnlyList<ItemChange> StatusChanged,
    IReadOnlyList<ItemChange> PercentChanged,
    IReadOnlyList<ItemChange> BecameOverdue,
    IReadOnlyList<ItemChange> Completed,
    IReadOnlyList<ItemChange> DocumentsIssued,
    IReadOnlyList<FactItem> Added)
{
    public static Comparison Of(ProgramFacts before, ProgramFacts after, ItemFilter scope)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(scope);
        var then = scope.Apply(before).ToDictionary(i => i.Id);
        var changes = scope.Apply(after)
            .Select(a => then.GetValueOrDefault(a.Id) is { } b
                ? new ItemChange(b, a, BucketOf(b, before.AsOf), BucketOf(a, after.AsOf))
                : new ItemChange(null, a, StatusBucket.All, BucketOf(a, after.AsOf)))
            .ToList();
        var kept = changes.Where(c => c.Before is not null).ToList();
        return new Comparison(
            ProgramOverview.Of(before, scope),
            ProgramOverview.Of(after, scope),
            [.. kept.Where(c => c.StatusChanged)],
            [.. kept.Where(c => c.PercentChange != 0m).OrderByDescending(c => Math.Abs(c.PercentChange))],
            [.. changes.Where(c => c.BucketAfter == StatusBucket.Overdue && c.BucketBefore != StatusBucket.Overdue)],
            [.. changes.Where(c => c.After.Status.IsCompleted && c.Before?.Status.IsCompleted != true)],
            [.. changes.Where(c => c.After.Row.Kind == WorkItemKind.Document && c.After.Status.CompletedOn is { } on && on > before.AsOf && on <= after.AsOf)],
            [.. changes.Where(c => c.Before is null).Select(c => c.After)]);
    }

    /// <summary>The one bucket of the two axes (and undated) an item is in.</summary>
    public static StatusBucket BucketOf(FactItem item, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new[] { StatusBucket.DoneOnTime, StatusBucket.DoneLate, StatusBucket.Undated, StatusBucket.OpenWithinDeadline, StatusBucket.Overdue }
            .First(b => ItemFilter.In(item, b, day));
    }
}
