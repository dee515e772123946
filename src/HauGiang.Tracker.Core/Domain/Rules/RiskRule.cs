namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>Why an open item is at risk of missing its deadline.</summary>
public enum RiskReason
{
    /// <summary>Confirmed progress well behind the share of time already spent.</summary>
    Behind,
    /// <summary>No report in the last two reporting periods that have ended.</summary>
    Silent,
}

/// <param name="Progress">The confirmed (official) percent.</param>
/// <param name="StartsOn">When the work started; null when unknown.</param>
/// <param name="LastReportAt">The last report submitted by the day (UTC).</param>
/// <param name="SilentSince">
/// The first day of the earlier of the two last quarterly periods that have ended by the day; null when fewer
/// than two have ended (nothing can have been silent for two periods yet).
/// </param>
public sealed record RiskFacts(ItemStatus Status, decimal Progress, DateOnly? StartsOn, DateTime? LastReportAt, DateOnly? SilentSince, DateOnly Today);

/// <summary>
/// "Có nguy cơ chậm": open work that is not yet overdue, where either at least half the time to the deadline
/// has passed and the confirmed progress trails the share of time passed by <see cref="Gap"/> points or more,
/// or nothing was reported in the last two quarterly periods that have ended. Overdue work is listed as overdue,
/// done work never at risk; undated work can only be silent.
/// </summary>
public static class RiskRule
{
    /// <summary>Percentage points progress may trail the time spent before the item is at risk.</summary>
    public const decimal Gap = 25m;

    /// <summary>The share of time (percent) that must have passed before progress is judged against it.</summary>
    public const decimal MinElapsed = 50m;

    public static RiskReason? Assess(RiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var status = facts.Status;
        if (status.IsCompleted || status.Axis == ProgressAxis.Overdue)
        {
            return null;
        }
        if (Elapsed(facts) is { } elapsed && elapsed >= MinElapsed && facts.Progress <= elapsed - Gap)
        {
            return RiskReason.Behind;
        }
        if (facts.SilentSince is { } since && (facts.StartsOn is null || facts.StartsOn < since)
            && (facts.LastReportAt is null || VietnamClock.DayOf(facts.LastReportAt.Value) < since))
        {
            return RiskReason.Silent;
        }
        return null;
    }

    /// <summary>The share of the time from start to due day that has passed (0–100); null without both days.</summary>
    public static decimal? Elapsed(RiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.StartsOn is not { } start || facts.Status.DueDate is not { } due || due <= start || facts.Status.Undated)
        {
            return null;
        }
        var share = (decimal)(facts.Today.DayNumber - start.DayNumber) / (due.DayNumber - start.DayNumber) * 100m;
        return Math.Clamp(Math.Round(share, 2, MidpointRounding.AwayFromZero), 0m, 100m);
    }
}
