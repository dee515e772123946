namespace HauGiang.Tracker.Core.Domain.Calendar;

/// <summary>A day off for a public holiday, with its Vietnamese name.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// The days off of Bộ luật Lao động 2019, Điều 112, as the defaults of a year's calendar. The actual days are
/// fixed each year by the Prime Minister (which day next to Tết and to 2/9, swaps with a Saturday): the
/// administrator corrects the year's calendar from the defaults; these are only where it starts.
/// </summary>
public static class PublicHolidays
{
    public const string CompensationPrefix = "Nghỉ bù ";

    private static readonly string[] TetDays = ["mùng 1", "mùng 2", "mùng 3", "mùng 4"];

    /// <summary>
    /// The year's default days off: 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh
    /// 2/9 and one day next to it; then, for each of them on a Saturday or Sunday, the next working day off instead
    /// (khoản 3: "được nghỉ bù vào ngày làm việc kế tiếp").
    /// </summary>
    public static IReadOnlyList<PublicHoliday> DefaultsFor(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, VietnameseLunarCalendar.MinYear + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, VietnameseLunarCalendar.MaxYear);
        var tet = VietnameseLunarCalendar.LunarNewYear(year);
        List<PublicHoliday> days =
        [
            new(new DateOnly(year, 1, 1), "Tết Dương lịch"),
            // The law gives Tết 5 days without naming them; the usual choice is the last day of the old year
            // (29 or 30 tháng Chạp) and mùng 1 to mùng 4. The Prime Minister's decision each year may differ.
            new(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)"),
            .. TetDays.Select((name, i) => new PublicHoliday(tet.AddDays(i), $"Tết Nguyên đán ({name})")),
            new(VietnameseLunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
            new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)"),
            new(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động (1/5)"),
            // "02 ngày (ngày 02/9 dương lịch và 01 ngày liền kề trước hoặc sau)": 1/9 is the day chosen in most
            // recent years (2022, 2023, 2025; 3/9 in 2021 and 2024).
            new(new DateOnly(year, 9, 1), "Quốc khánh (ngày liền kề)"),
            new(new DateOnly(year, 9, 2), "Quốc khánh (2/9)"),
        ];
        return [.. days.Concat(Compensations(days)).OrderBy(d => d.Date)];
    }

    /// <summary>For each holiday on a weekend, in date order, the first later weekday that is neither a holiday nor already taken by an earlier compensation.</summary>
    public static IEnumerable<PublicHoliday> Compensations(IReadOnlyCollection<PublicHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var result = new List<PublicHoliday>();
        foreach (var holiday in holidays.Where(h => WorkingCalendar.IsWeekend(h.Date)).OrderBy(h => h.Date))
        {
            var day = holiday.Date.AddDays(1);
            while (WorkingCalendar.IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }
            taken.Add(day);
            result.Add(new PublicHoliday(day, CompensationPrefix + Lowercase(holiday.Name)));
        }
        return result;
    }

    // "Nghỉ bù Tết Dương lịch", but "Nghỉ bù ngày Chiến thắng (30/4)".
    private static string Lowercase(string name) =>
        name.StartsWith("Ngày ", StringComparison.Ordinal) ? "ngày " + name[5..] : name;
}
