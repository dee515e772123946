using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Domain;

/// <summary>One deadline an item has had. Sequence 0 is the original; the highest is in force.</summary>
public sealed class DeadlineRevision
{
    public int Id { get; set; }
    public int WorkItemId { get; set; }
    public int Sequence { get; set; }
    public Deadline Deadline { get; set; } = Deadline.Unspecified;
    /// <summary>From this day on the deadline is in force (the adjusting decision's date).</summary>
    public DateOnly EffectiveOn { get; set; }
    public string? BasisNumber { get; set; }
    public DateOnly? BasisDate { get; set; }
    public string? BasisNote { get; set; }
    public int? AmendmentId { get; set; }
    public Amendment? Amendment { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
