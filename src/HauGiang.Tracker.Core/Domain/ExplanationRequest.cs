namespace HauGiang.Tracker.Core.Domain;

/// <summary>A leader's request for an explanation (yêu cầu giải trình) about an item, and the unit's answer.</summary>
public sealed class ExplanationRequest : Entity
{
    public int WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
    /// <summary>The unit asked: the item's lead unit when the request was made.</summary>
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public required string Question { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string RequestedById { get; set; }
    public required string RequestedBy { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }
    public string? AnsweredBy { get; set; }

    public bool IsAnswered => AnsweredAt is not null;
}
