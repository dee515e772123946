namespace HauGiang.Tracker.Core.Domain;

public enum IndicatorDirection
{
    HigherIsBetter,
    /// <summary>A rank such as PCI: 1 is best.</summary>
    LowerIsBetter,
}

/// <summary>A target indicator (chỉ tiêu) with yearly targets and actual values per period.</summary>
public sealed class Indicator : Entity
{
    public int ProgramId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Measure { get; set; }
    public IndicatorDirection Direction { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public OrgUnit? ResponsibleUnit { get; set; }
    public int? GroupId { get; set; }
    public int? BreakthroughId { get; set; }
    public string? Description { get; set; }
    public bool IsSample { get; set; }

    public List<IndicatorTarget> Targets { get; } = [];
    public List<IndicatorValue> Values { get; } = [];
}

public sealed class IndicatorTarget : Entity
{
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal? Target { get; set; }
    /// <summary>A target that is not a number ("nhóm khá", "tăng 2 bậc").</summary>
    public string? TargetText { get; set; }
}

/// <summary>The actual value of an indicator for a period, with where it comes from.</summary>
public sealed class IndicatorValue : Entity
{
    public int IndicatorId { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    public decimal Value { get; set; }
    public string? SourceNote { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
