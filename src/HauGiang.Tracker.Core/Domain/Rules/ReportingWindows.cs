namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>
/// Default reporting windows after Nghị định 09/2019/NĐ-CP, Điều 12: a window runs from the 15th of
/// the month before the period to the 14th of the period's last month. Administrators may adjust the
/// windows of a concrete period; these are the defaults it starts from.
/// </summary>
public static class ReportingWindows
{
    public const int FirstDay = 15;
    public const int LastDay = 14;

    public static DateRange Month(int year, int month)
    {
        var end = new DateOnly(year, month, LastDay);
        return new DateRange(end.AddMonths(-1).AddDays(1), end);
    }

    public static DateRange Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var lastMonth = quarter * 3;
        return new DateRange(Month(year, lastMonth - 2).Start, Month(year, lastMonth).End);
    }

    /// <summary>The window that ends on the 14th of <paramref name="lastMonth"/> and starts on 15/12 of the year before.</summary>
    public static DateRange YearToDate(int year, int lastMonth) =>
        new(new DateOnly(year - 1, 12, FirstDay), new DateOnly(year, lastMonth, LastDay));

    public static DateRange HalfYear(int year) => YearToDate(year, 6);

    public static DateRange NineMonths(int year) => YearToDate(year, 9);

    public static DateRange Year(int year) => YearToDate(year, 12);

    /// <summary>Sơ kết giữa nhiệm kỳ: from the term's first window to 14/6 of the term's middle year (rounded up).</summary>
    public static DateRange MidTermReview(int termStartYear, int termEndYear) =>
        new(new DateOnly(termStartYear, 12, FirstDay), new DateOnly(termStartYear + ((termEndYear - termStartYear + 1) / 2), 6, LastDay));

    /// <summary>Tổng kết nhiệm kỳ: from the term's first window to 14/6 of its last year, before the next congress.</summary>
    public static DateRange EndOfTermReview(int termStartYear, int termEndYear) =>
        new(new DateOnly(termStartYear, 12, FirstDay), new DateOnly(termEndYear, 6, LastDay));

    /// <summary>The default window of a period. <paramref name="number"/> is the month (1–12) or quarter (1–4); ignored otherwise.</summary>
    public static DateRange For(PeriodKind kind, int year, int number) => kind switch
    {
        PeriodKind.Month => Month(year, number),
        PeriodKind.Quarter => Quarter(year, number),
        PeriodKind.HalfYear => HalfYear(year),
        PeriodKind.NineMonths => NineMonths(year),
        PeriodKind.Year => Year(year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Review periods depend on the term: use MidTermReview or EndOfTermReview."),
    };

    /// <summary>The monthly period a day is reported in: from the 15th on, it belongs to the next month.</summary>
    public static (int Year, int Month) MonthContaining(DateOnly day)
    {
        var month = day.Day >= FirstDay ? day.AddMonths(1) : day;
        return (month.Year, month.Month);
    }

    public static (int Year, int Quarter) QuarterContaining(DateOnly day)
    {
        var (year, month) = MonthContaining(day);
        return (year, ((month - 1) / 3) + 1);
    }
}
