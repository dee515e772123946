using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>Progress and counts of one breakthrough or group.</summary>
public sealed record HeadingFigures(Heading Heading, Figures Figures);

/// <summary>Documents to issue: how many are required and where they stand.</summary>
public sealed record DocumentFigures(int Required, int IssuedOnTime, int IssuedLate, int StillDue, int Overdue)
{
    public int Issued => IssuedOnTime + IssuedLate;
}

/// <summary>
/// Where a program stands on the day, for one scope: the two axes and the flags leaders watch, weighted
/// progress, progress by breakthrough and by group, documents issued against required, indicators, and the
/// overdue and at-risk lists (the first <see cref="ListLength"/> of each; the full lists open as drill-downs).
/// </summary>
public sealed record ProgramOverview(
    ProgramFacts Facts,
    ItemFilter Scope,
    Figures Figures,
    int OverdueOver30,
    int AtRisk,
    IReadOnlyList<HeadingFigures> ByBreakthrough,
    IReadOnlyList<HeadingFigures> ByGroup,
    DocumentFigures Documents,
    IReadOnlyList<FactItem> Overdue,
    IReadOnlyList<FactItem> AtRiskItems,
    IReadOnlyList<IndicatorFact> Indicators)
{
    public const int ListLength = 10;

    public static ProgramOverview Of(ProgramFacts facts, ItemFilter scope)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(scope);
        var items = scope.Apply(facts).ToList();
        var rows = items.Select(i => i.Row).ToList();
        var documents = items.Where(i => i.Row.Kind == WorkItemKind.Document).ToList();
        var day = facts.AsOf;
        return new ProgramOverview(
            facts,
            scope,
            Figures.Of(rows),
            items.Count(i => ItemFilter.In(i, StatusBucket.OverdueOver30, day)),
            items.Count(i => i.Risk is not null),
            [.. facts.Breakthroughs.Select(h => new HeadingFigures(h, Figures.Of([.. items.Where(i => i.BreakthroughId == h.Id).Select(i => i.Row)])))],
            [.. facts.Groups.Select(h => new HeadingFigures(h, Figures.Of([.. items.Where(i => i.GroupId == h.Id).Select(i => i.Row)])))],
            new DocumentFigures(
                documents.Count,
                documents.Count(i => ItemFilter.In(i, StatusBucket.DoneOnTime, day)),
                documents.Count(i => ItemFilter.In(i, StatusBucket.DoneLate, day)),
                documents.Count(i => ItemFilter.In(i, StatusBucket.OpenWithinDeadline, day) || ItemFilter.In(i, StatusBucket.Undated, day)),
                documents.Count(i => ItemFilter.In(i, StatusBucket.Overdue, day))),
            [.. items.Where(i => ItemFilter.In(i, StatusBucket.Overdue, day)).OrderBy(i => i.Status.DueDate).Take(ListLength)],
            [.. items.Where(i => i.Risk is not null).OrderBy(i => i.Status.DueDate ?? DateOnly.MaxValue).Take(ListLength)],
            [.. facts.Indicators.Where(i => i.IsSample == scope.Samples)]);
    }
}
