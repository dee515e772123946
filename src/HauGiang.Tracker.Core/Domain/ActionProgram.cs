namespace HauGiang.Tracker.Core.Domain;

/// <summary>A Party Committee's program (chương trình) carrying out a congress resolution, e.g. 50-CTr/TU.</summary>
public sealed class ActionProgram : Entity
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string IssuingBody { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int TermStartYear { get; set; }
    public int TermEndYear { get; set; }
    /// <summary>The resolution the program carries out.</summary>
    public required string Implements { get; set; }
    public string? Motto { get; set; }
    public string? Spirit { get; set; }
    public string? Goal { get; set; }

    /// <summary>
    /// The last day the program is reported on, set by an administrator after the end-of-term review (tổng kết)
    /// is closed; null while reporting goes on (after the term, on the unfinished items the successor units carry).
    /// </summary>
    public DateOnly? ReportingEndedOn { get; set; }
    public string? ReportingEndedBy { get; set; }
    /// <summary>The decision or report the ending rests on ("Báo cáo tổng kết số …-BC/TU").</summary>
    public string? ReportingEndBasis { get; set; }

    public List<Amendment> Amendments { get; } = [];
    public List<StrategicBreakthrough> Breakthroughs { get; } = [];
    public List<SolutionGroup> Groups { get; } = [];

    public string Term => $"{TermStartYear}–{TermEndYear}";
}
