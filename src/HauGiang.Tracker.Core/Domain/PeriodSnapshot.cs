using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Domain;

/// <summary>
/// Where an item stood when its reporting period closed, frozen: the figures a review of that period
/// reports, whatever corrections come later.
/// </summary>
public sealed class PeriodSnapshot
{
    public long Id { get; set; }
    public int PeriodId { get; set; }
    public int WorkItemId { get; set; }
    public int? LeadUnitId { get; set; }
    /// <summary>The lead unit's report for the period as it stood at closing, if any.</summary>
    public int? ReportId { get; set; }
    public ReviewState? ReportState { get; set; }
    public decimal Percent { get; set; }
    public ProgressAxis Axis { get; set; }
    public ProgressAxis? AgainstOriginal { get; set; }
    public bool NotStarted { get; set; }
    /// <summary>The deadline in force was not set ("chưa xác định thời hạn"): counted apart, never overdue.</summary>
    public bool Undated { get; set; }
    public bool Reported { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateTime TakenAt { get; set; }
}
