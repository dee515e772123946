namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>The two axes of the Government Office's task-tracking status: done or not, in time or not.</summary>
public enum ProgressAxis
{
    /// <summary>Đã hoàn thành đúng hạn.</summary>
    DoneOnTime,
    /// <summary>Đã hoàn thành quá hạn.</summary>
    DoneLate,
    /// <summary>Chưa hoàn thành, trong hạn.</summary>
    OpenWithinDeadline,
    /// <summary>Chưa hoàn thành, quá hạn.</summary>
    Overdue,
}

/// <summary>
/// Where an item stands on a given day. <see cref="AgainstOriginal"/> is set only when the deadline in
/// force differs from the original one, so a report can show both verdicts; <see cref="Occurrences"/>
/// only for recurring work. <see cref="Undated"/> when the deadline in force is not set.
/// </summary>
public sealed record ItemStatus(
    ProgressAxis Axis,
    ProgressAxis? AgainstOriginal,
    bool NotStarted,
    bool NoReportThisPeriod,
    DateOnly? DueDate,
    DateOnly? CompletedOn,
    IReadOnlyList<Occurrence>? Occurrences = null,
    bool Undated = false)
{
    public bool IsCompleted => Axis is ProgressAxis.DoneOnTime or ProgressAxis.DoneLate;

    /// <summary>Open work whose deadline is not set: "chưa xác định thời hạn", counted on its own and never overdue.</summary>
    public bool IsOpenUndated => Undated && !IsCompleted;

    /// <summary>Days left to the due day (negative when past); null without one or once done.</summary>
    public int? DaysLeft(DateOnly today) => IsCompleted || DueDate is null ? null : DueDate.Value.DayNumber - today.DayNumber;
}
