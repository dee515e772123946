using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>How much time one screen of the roadmap spans: the ticks of its ruler and how wide a day is.</summary>
public enum TimelineZoom
{
    Year,
    Quarter,
    Month,
}

/// <summary>One division of the ruler: a year, a quarter or a month, from its first day.</summary>
public sealed record TimelineTick(DateOnly Starts, double X, double Width, string Label);

/// <summary>
/// Days to positions, the one geometry of the roadmap: the page's SVG and the PDF both ask it where a day
/// falls, so what is printed is what was on screen. A position is the left edge of the day; the span runs
/// from the first day of its first year to the last day of its last year.
/// </summary>
public sealed class TimelineScale
{
    /// <summary>Screen pixels per day at each zoom: a year, a quarter or a month is a comfortable reading width.</summary>
    public static double ScreenDayWidth(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Year => 0.6,
        TimelineZoom.Quarter => 1.6,
        TimelineZoom.Month => 4.0,
        _ => throw new ArgumentOutOfRangeException(nameof(zoom), zoom, null),
    };

    public TimelineScale(int firstYear, int lastYear, TimelineZoom zoom, double dayWidth)
    {
        if (lastYear < firstYear)
        {
            throw new ArgumentException("The span ends before it starts.", nameof(lastYear));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dayWidth);
        Start = new DateOnly(firstYear, 1, 1);
        End = new DateOnly(lastYear, 12, 31);
        Zoom = zoom;
        DayWidth = dayWidth;
    }

    /// <summary>The scale of the page: a fixed width per day for the zoom.</summary>
    public static TimelineScale ForScreen(int firstYear, int lastYear, TimelineZoom zoom) =>
        new(firstYear, lastYear, zoom, ScreenDayWidth(zoom));

    /// <summary>The scale of a printed page: the whole span in the width given.</summary>
    public static TimelineScale Fitting(int firstYear, int lastYear, TimelineZoom zoom, double width)
    {
        var days = new DateOnly(lastYear, 12, 31).DayNumber - new DateOnly(firstYear, 1, 1).DayNumber + 1;
        return new TimelineScale(firstYear, lastYear, zoom, width / days);
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
    public TimelineZoom Zoom { get; }
    public double DayWidth { get; }

    /// <summary>The width of the whole span: every day of it, the last one included.</summary>
    public double Width => (End.DayNumber - Start.DayNumber + 1) * DayWidth;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The left edge of a day; days outside the span are held at its edges.</summary>
    public double X(DateOnly day) =>
        day < Start ? 0 : day > End ? Width : (day.DayNumber - Start.DayNumber) * DayWidth;

    /// <summary>The middle of a day: where a marker for that day stands.</summary>
    public double Centre(DateOnly day) => Contains(day) ? X(day) + DayWidth / 2 : X(day);

    /// <summary>From the start of one day to the end of another (both included); zero when they are reversed.</summary>
    public (double X, double Width) Span(DateOnly from, DateOnly to)
    {
        var left = X(from);
        var right = to >= End ? Width : X(to.AddDays(1));
        return (left, Math.Max(right - left, 0));
    }

    /// <summary>The ruler's divisions at the zoom, labelled as offices write them: "2024", "Quý I/2024", "01/2024".</summary>
    public IReadOnlyList<TimelineTick> Ticks()
    {
        var months = Zoom switch { TimelineZoom.Year => 12, TimelineZoom.Quarter => 3, _ => 1 };
        var ticks = new List<TimelineTick>();
        for (var day = Start; day <= End; day = day.AddMonths(months))
        {
            var (x, width) = Span(day, day.AddMonths(months).AddDays(-1));
            ticks.Add(new TimelineTick(day, x, width, Label(day)));
        }
        return ticks;
    }

    /// <summary>The years of the span, for a second line above the quarters or months.</summary>
    public IReadOnlyList<TimelineTick> Years() =>
        [.. Enumerable.Range(Start.Year, End.Year - Start.Year + 1).Select(y =>
        {
            var (x, width) = Span(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            return new TimelineTick(new DateOnly(y, 1, 1), x, width, y.ToString(CultureInfo.InvariantCulture));
        })];

    private string Label(DateOnly day) => Zoom switch
    {
        TimelineZoom.Year => day.Year.ToString(CultureInfo.InvariantCulture),
        TimelineZoom.Quarter => PeriodLabels.For(PeriodKind.Quarter, day.Year, (day.Month - 1) / 3 + 1),
        _ => day.ToString("MM/yyyy", CultureInfo.InvariantCulture),
    };
}
