using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Status;

/// <summary>How soon an item needs attention, most urgent first.</summary>
public enum Urgency
{
    Overdue,
    DueSoon,
    Unreported,
    OnTrack,
    /// <summary>Open, reported this period, and without a deadline: "chưa xác định thời hạn", never "trong hạn".</summary>
    Undated,
    Done,
}

/// <summary>The one "most urgent first" order every list of items uses.</summary>
public static class UrgencyOrder
{
    /// <summary>An open item due within this many days is due soon.</summary>
    public const int DueSoonDays = 30;

    public static Urgency Of(ItemStatus status, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status switch
        {
            { IsCompleted: true } => Urgency.Done,
            { Axis: ProgressAxis.Overdue } => Urgency.Overdue,
            _ when status.DaysLeft(today) is <= DueSoonDays => Urgency.DueSoon,
            { NoReportThisPeriod: true } => Urgency.Unreported,
            { IsOpenUndated: true } => Urgency.Undated,
            _ => Urgency.OnTrack,
        };
    }

    /// <summary>By urgency, then the nearest due day, then code.</summary>
    public static IEnumerable<T> MostUrgentFirst<T>(this IEnumerable<T> rows, Func<T, ItemRow> item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return rows.OrderBy(r => Of(item(r).Status, today))
            .ThenBy(r => item(r).Status.DueDate ?? DateOnly.MaxValue)
            .ThenBy(r => item(r).Code, StringComparer.Ordinal);
    }
}
