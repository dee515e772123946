namespace HauGiang.Tracker.Core.Domain;

/// <summary>A decision that adjusts the program (Kết luận "điều chỉnh, bổ sung"): it adds, drops or re-dates items.</summary>
public sealed class Amendment : Entity
{
    public int ProgramId { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    public List<AmendmentChange> Changes { get; } = [];
}

public enum AmendmentChangeKind
{
    Added,
    Dropped,
    Redated,
    Changed,
}

/// <summary>One thing an amendment changed, listed on the amendment and on the item.</summary>
public sealed class AmendmentChange
{
    public int Id { get; set; }
    public int AmendmentId { get; set; }
    public Amendment? Amendment { get; set; }
    public int? WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
    public AmendmentChangeKind Kind { get; set; }
    public required string Description { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
