using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>The sets a number on the dashboard counts: each opens as the list of its items.</summary>
public enum StatusBucket
{
    All,
    DoneOnTime,
    DoneLate,
    OpenWithinDeadline,
    Overdue,
    /// <summary>Quá hạn trên 30 ngày.</summary>
    OverdueOver30,
    Undated,
    NotStarted,
    NoReportThisPeriod,
    AtRisk,
    Completed,
    Open,
}

/// <summary>
/// Which items a view counts: one breakthrough, group or lead unit (the unit answerable for the item on the
/// day), a kind, a status bucket, and either the real items or the labelled samples (never both in one figure).
/// </summary>
public sealed record ItemFilter(
    int? BreakthroughId = null,
    int? GroupId = null,
    int? UnitId = null,
    WorkItemKind? Kind = null,
    StatusBucket Bucket = StatusBucket.All,
    bool Samples = false)
{
    /// <summary>Days past the due day from which overdue work is singled out.</summary>
    public const int LongOverdueDays = 30;

    public static ItemFilter Real { get; } = new();

    public IEnumerable<FactItem> Apply(ProgramFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Items.Where(i => i.Counts && i.Row.IsSample == Samples
            && (BreakthroughId is null || i.BreakthroughId == BreakthroughId)
            && (GroupId is null || i.GroupId == GroupId)
            && (UnitId is null || i.Row.Lead?.Id == UnitId)
            && (Kind is null || i.Row.Kind == Kind)
            && In(i, Bucket, facts.AsOf));
    }

    /// <summary>Whether an item is in a bucket on the day. Open work without a deadline is never "trong hạn".</summary>
    public static bool In(FactItem item, StatusBucket bucket, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(item);
        var s = item.Status;
        return bucket switch
        {
            StatusBucket.All => true,
            StatusBucket.DoneOnTime => s.Axis == ProgressAxis.DoneOnTime,
            StatusBucket.DoneLate => s.Axis == ProgressAxis.DoneLate,
            StatusBucket.OpenWithinDeadline => s.Axis == ProgressAxis.OpenWithinDeadline && !s.IsOpenUndated,
            StatusBucket.Overdue => s.Axis == ProgressAxis.Overdue,
            StatusBucket.OverdueOver30 => s.Axis == ProgressAxis.Overdue && s.DaysLeft(day) < -LongOverdueDays,
            StatusBucket.Undated => s.IsOpenUndated,
            StatusBucket.NotStarted => s.NotStarted,
            StatusBucket.NoReportThisPeriod => s.NoReportThisPeriod,
            StatusBucket.AtRisk => item.Risk is not null,
            StatusBucket.Completed => s.IsCompleted,
            StatusBucket.Open => !s.IsCompleted,
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
        };
    }
}
