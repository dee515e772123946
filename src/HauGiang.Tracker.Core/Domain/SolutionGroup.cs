namespace HauGiang.Tracker.Core.Domain;

/// <summary>A group of tasks and solutions to the end of the term ("Một là …" to "Sáu là …"), as its source words it.</summary>
public sealed class SolutionGroup : Entity
{
    public int ProgramId { get; set; }
    public int Ordinal { get; set; }
    /// <summary>"Một là", "Hai là" …: how the source names the group.</summary>
    public required string Heading { get; set; }
    public required string Title { get; set; }
    /// <summary>The group's paragraph as the source words it.</summary>
    public string? Text { get; set; }
    /// <summary>Where the group's words come from, cited in full (the Secretary's article, not the Program).</summary>
    public string? Source { get; set; }
}
