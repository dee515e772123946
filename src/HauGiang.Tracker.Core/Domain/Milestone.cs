namespace HauGiang.Tracker.Core.Domain;

/// <summary>A step on an item's roadmap (mốc tiến độ).</summary>
public sealed class Milestone : Entity
{
    public int WorkItemId { get; set; }
    public int Ordinal { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Note { get; set; }
}
