namespace HauGiang.Tracker.Core.Domain;

public enum AssignmentRole
{
    /// <summary>Đơn vị chủ trì.</summary>
    Lead,
    /// <summary>Đơn vị phối hợp.</summary>
    Coordinating,
}

/// <summary>
/// A unit's responsibility for an item over a span of days. A merger ends the old row and opens one for
/// the successor, so "who was responsible on day D" stays answerable.
/// </summary>
public sealed class WorkItemAssignment
{
    public int Id { get; set; }
    public int WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public AssignmentRole Role { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day of the responsibility; null while current.</summary>
    public DateOnly? EndsOn { get; set; }
    public string? Note { get; set; }
}
