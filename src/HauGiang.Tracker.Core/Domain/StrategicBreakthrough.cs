namespace HauGiang.Tracker.Core.Domain;

/// <summary>Nhiệm vụ đột phá chiến lược: one of the three, in the program's order.</summary>
public sealed class StrategicBreakthrough : Entity
{
    public int ProgramId { get; set; }
    public int Ordinal { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
}
