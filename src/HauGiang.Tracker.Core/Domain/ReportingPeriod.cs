using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Domain;

public enum PeriodState
{
    Planned,
    Open,
    /// <summary>What was reported is frozen; a later change is a correction.</summary>
    Closed,
}

/// <summary>A reporting period (kỳ báo cáo) with its window; defaults follow the 15th→14th rule.</summary>
public sealed class ReportingPeriod : Entity
{
    public int ProgramId { get; set; }
    public PeriodKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>Month 1–12 or quarter 1–4; 0 for the other kinds.</summary>
    public int Number { get; set; }
    public required string Label { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public PeriodState State { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public DateRange Window => new(StartsOn, EndsOn);

    public static ReportingPeriod Default(int programId, PeriodKind kind, int year, int number, int termStartYear, int termEndYear)
    {
        var window = kind switch
        {
            PeriodKind.MidTermReview => ReportingWindows.MidTermReview(termStartYear, termEndYear),
            PeriodKind.EndOfTermReview => ReportingWindows.EndOfTermReview(termStartYear, termEndYear),
            _ => ReportingWindows.For(kind, year, number),
        };
        return new ReportingPeriod
        {
            ProgramId = programId,
            Kind = kind,
            Year = year,
            Number = number,
            Label = PeriodLabels.For(kind, year, number, termStartYear, termEndYear),
            StartsOn = window.Start,
            EndsOn = window.End,
        };
    }
}
