namespace HauGiang.Tracker.Core.Domain.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch); <see cref="IsLeapMonth"/> marks a tháng nhuận.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false);

/// <summary>
/// The Vietnamese lunar calendar, computed for Vietnam's time zone (UTC+7) by Hồ Ngọc Đức's astronomical
/// algorithm (new moons and the sun's longitude after Jean Meeus). .NET's ChineseLunisolarCalendar is not used:
/// it counts in China's time zone (UTC+8), so a new moon close to midnight starts a month a day apart, and
/// some years (1985, 2007) Tết falls on a different day in Vietnam than in China.
/// Valid for 1900–2199, the range the series below is accurate for.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    private const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    // Julian day of the new moon of 1900-01-01, the origin of the new-moon count k.
    private const double NewMoonEpoch = 2415021.076998695;
    // DateOnly.DayNumber 0 (0001-01-01, proleptic Gregorian) is Julian day 1721426.
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>Mùng 1 Tết (the first day of lunar year <paramref name="year"/>) as a solar date.</summary>
    public static DateOnly LunarNewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The solar date of a lunar day; throws for a day or leap month the lunar year does not have.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leap = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        var (a11, b11) = lunarMonth < 11
            ? (LunarMonth11(lunarYear - 1), LunarMonth11(lunarYear))
            : (LunarMonth11(lunarYear), LunarMonth11(lunarYear + 1));
        var offset = (lunarMonth - 11 + 12) % 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = (leapOffset - 2 + 12) % 12;
            if (leap && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"Lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leap));
            }
            if (leap || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leap)
        {
            throw new ArgumentException($"Lunar year {lunarYear} has no leap month.", nameof(leap));
        }
        var k = (int)Math.Floor(0.5 + ((a11 - NewMoonEpoch) / SynodicMonth));
        var monthStart = NewMoonDay(k + offset);
        if (lunarDay > NewMoonDay(k + offset + 1) - monthStart)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarDay), lunarDay, $"Lunar month {lunarMonth}/{lunarYear} has fewer days.");
        }
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>The lunar day a solar date falls on.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Year, MaxYear);
        var dayNumber = JulianDay(date);
        var k = (int)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        // The mean lunation only estimates k: the true new moon can come a day after the mean one (2054-05-07 and
        // 2062-04-09 would otherwise be day 0), so step back until the month has started.
        var monthStart = NewMoonDay(k + 1);
        while (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(k--);
        }
        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }
        var lunarDay = dayNumber - monthStart + 1;
        var diff = (monthStart - a11) / 29;
        var isLeap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapDiff = LeapMonthOffset(a11);
            if (diff >= leapDiff)
            {
                lunarMonth = diff + 10;
                isLeap = diff == leapDiff;
            }
        }
        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear--;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, isLeap);
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>The Julian day (fractional, UT) of the k-th new moon after 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The day (Julian day number, Vietnam time) the k-th new moon falls on.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    /// <summary>Which twelfth of the ecliptic (0–11, each a major solar term) the sun is in at the start of the day.</summary>
    private static int SunLongitudeSector(int julianDay)
    {
        var t = (julianDay - 0.5 - (TimeZone / 24) - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl += ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return (int)Math.Floor(l / Math.PI * 6);
    }

    /// <summary>The first day of lunar month 11 (the month holding the winter solstice) that starts in solar year <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>In a year of 13 months after month 11 starting on <paramref name="a11"/>: how many months after it the leap month (the first without a major solar term) comes.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - NewMoonEpoch) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
