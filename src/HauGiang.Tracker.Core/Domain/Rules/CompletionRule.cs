namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>The review states of a progress report.</summary>
public enum ReviewState
{
    Draft,
    Submitted,
    Confirmed,
    Returned,
}

/// <summary>
/// "Completed" needs three things at once: the monitoring office confirmed the report, it says 100 %,
/// and it carries evidence. Anything less is progress, never completion.
/// </summary>
public static class CompletionRule
{
    public const int Complete = 100;

    public static bool Completes(ReviewState state, int percent, int evidenceCount) =>
        state == ReviewState.Confirmed && percent == Complete && evidenceCount > 0;

    /// <summary>
    /// The percent shown for an item: its latest confirmed figure, held below 100 until completion is
    /// proven, so no chart shows "100 %" for work that is not done.
    /// </summary>
    public static decimal OfficialPercent(int? latestConfirmedPercent, bool completed) =>
        completed ? Complete : Math.Clamp(latestConfirmedPercent ?? 0, 0, Complete - 1);

    /// <summary>
    /// The percent of an item in a given status: recurring work counts the share of its occurrences met
    /// (a yearly plan done in three of five years is 60 %), other work its official percent.
    /// </summary>
    public static decimal OfficialPercent(ItemStatus status, int? latestConfirmedPercent)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Occurrences is { Count: > 0 } occurrences)
        {
            return Math.Round(Complete * (decimal)occurrences.Count(o => o.FulfilledOn is not null) / occurrences.Count, 2);
        }
        return OfficialPercent(latestConfirmedPercent, status.IsCompleted);
    }
}
