namespace HauGiang.Tracker.Core.Features.Status;

/// <summary>What the reports of one item say, as of a day: the raw material of its status.</summary>
public sealed record ItemFacts(
    IReadOnlyList<DateOnly> Completions,
    bool HasStarted,
    bool ReportedThisPeriod,
    int? LatestConfirmedPercent,
    DateTime? LastReportAt)
{
    public static ItemFacts None { get; } = new([], false, false, null, null);
}
