using System.Globalization;

namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>The Vietnamese names offices give their reporting periods ("Quý III/2024", "6 tháng đầu năm 2024").</summary>
public static class PeriodLabels
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    public static string RomanQuarter(int quarter) => RomanQuarters[quarter - 1];

    public static string For(PeriodKind kind, int year, int number, int termStartYear = 0, int termEndYear = 0) => kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {number}/{year}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {RomanQuarter(number)}/{year}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"6 tháng đầu năm {year}"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 tháng đầu năm {year}"),
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"Năm {year}"),
        PeriodKind.MidTermReview => string.Create(CultureInfo.InvariantCulture, $"Sơ kết giữa nhiệm kỳ {termStartYear}–{termEndYear}"),
        PeriodKind.EndOfTermReview => string.Create(CultureInfo.InvariantCulture, $"Tổng kết nhiệm kỳ {termStartYear}–{termEndYear}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
