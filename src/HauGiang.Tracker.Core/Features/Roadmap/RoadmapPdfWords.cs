namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>The paper the roadmap is printed on, always landscape.</summary>
public enum RoadmapPaper
{
    A4,
    A3,
}

/// <summary>A sign the legend explains.</summary>
public enum LegendSymbol
{
    Plan,
    Progress,
    Overdue,
    DoneLate,
    OriginalDeadline,
    AdjustedDeadline,
    Completion,
    Milestone,
    Earlier,
    DayLine,
}

/// <summary>
/// Everything the printed roadmap says, in the user's language: the host fills it from its resources, so the PDF
/// and the page use the same words. <see cref="PageFormat"/> takes the page and the page count.
/// </summary>
public sealed record RoadmapPdfWords(
    string Title,
    string Subtitle,
    string AsOf,
    string Scope,
    string ItemColumn,
    string Undated,
    string PageFormat,
    IReadOnlyList<(LegendSymbol Symbol, string Text)> Legend,
    Func<RoadmapHeading, string> Heading,
    Func<RoadmapRow, string> Label,
    Func<RoadmapRow, string> Status);
