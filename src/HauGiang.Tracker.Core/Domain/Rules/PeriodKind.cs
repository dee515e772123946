namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>The kinds of reporting period (kỳ báo cáo) an office uses.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    HalfYear,
    NineMonths,
    Year,
    MidTermReview,
    EndOfTermReview,
}
