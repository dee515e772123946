namespace HauGiang.Tracker.Core.Domain;

/// <summary>A group of tasks and solutions to the end of the term ("Một là …" to "Sáu là …").</summary>
public sealed class SolutionGroup : Entity
{
    public int ProgramId { get; set; }
    public int Ordinal { get; set; }
    /// <summary>"Một là", "Hai là" …: how the source names the group.</summary>
    public required string Heading { get; set; }
    public required string Title { get; set; }
    /// <summary>The group's paragraph as the source words it.</summary>
    public string? Text { get; set; }
}
