using System.Globalization;

namespace HauGiang.Tracker.Core.Domain.Rules;

public enum DeadlineKind
{
    /// <summary>The source gives no deadline yet; never overdue until one is recorded.</summary>
    Unspecified,
    /// <summary>A day: "trước ngày 30/6/2022".</summary>
    Date,
    /// <summary>A period ("Quý III/2021", "năm 2022", "giai đoạn 2023–2025"): due on its last day.</summary>
    Period,
    /// <summary>"hằng năm", "định kỳ 6 tháng": one due day per occurrence, each judged on its own.</summary>
    Recurring,
    /// <summary>"thường xuyên": no due day, never overdue, still reported every period.</summary>
    Ongoing,
}

public enum Recurrence
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}

/// <summary>
/// A deadline in any of the forms a program writes it. Immutable: an adjustment makes a new one and
/// keeps the old one in the item's deadline history.
/// </summary>
public sealed record Deadline
{
    private const int MaxOccurrences = 600;

    public DeadlineKind Kind { get; init; }

    /// <summary>Date and Period: the due day. Recurring: the first occurrence's due day.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The deadline as the program words it ("Quý III/2021"); shown beside the computed day.</summary>
    public string? Label { get; init; }

    public Recurrence? Recurrence { get; init; }

    /// <summary>Recurring: no occurrence falls after this day.</summary>
    public DateOnly? RecursUntil { get; init; }

    public static Deadline Unspecified { get; } = new() { Kind = DeadlineKind.Unspecified };

    public static Deadline On(DateOnly day, string? label = null) =>
        new() { Kind = DeadlineKind.Date, DueDate = day, Label = label };

    public static Deadline EndOf(string label, DateOnly lastDay) =>
        new() { Kind = DeadlineKind.Period, DueDate = lastDay, Label = label };

    public static Deadline Ongoing(string label = "Thường xuyên") =>
        new() { Kind = DeadlineKind.Ongoing, Label = label };

    public static Deadline Recurring(Recurrence every, DateOnly firstDue, DateOnly until, string? label = null)
    {
        if (until < firstDue)
        {
            throw new ArgumentException("The last occurrence cannot come before the first.", nameof(until));
        }
        return new() { Kind = DeadlineKind.Recurring, Recurrence = every, DueDate = firstDue, RecursUntil = until, Label = label };
    }

    /// <summary>Whether the deadline can ever make an item overdue.</summary>
    public bool HasDueDate => Kind is DeadlineKind.Date or DeadlineKind.Period or DeadlineKind.Recurring && DueDate is not null;

    /// <summary>Every due day of a recurring deadline, in order; the single due day otherwise.</summary>
    public IReadOnlyList<DateOnly> Occurrences()
    {
        if (DueDate is not { } first)
        {
            return [];
        }
        if (Kind != DeadlineKind.Recurring || Recurrence is not { } every || RecursUntil is not { } until)
        {
            return [first];
        }
        var endOfMonth = first.Day == DateTime.DaysInMonth(first.Year, first.Month);
        var days = new List<DateOnly>();
        for (var i = 0; i < MaxOccurrences; i++)
        {
            var day = Step(first, i * (int)every, endOfMonth);
            if (day > until)
            {
                break;
            }
            days.Add(day);
        }
        return days;
    }

    /// <summary>The due day that matters on <paramref name="today"/>: the first occurrence not yet past, else the last one.</summary>
    public DateOnly? DueDateOn(DateOnly today)
    {
        if (Kind != DeadlineKind.Recurring)
        {
            return HasDueDate ? DueDate : null;
        }
        var occurrences = Occurrences();
        return occurrences.Count == 0 ? null : occurrences.FirstOrDefault(d => d >= today, occurrences[^1]);
    }

    public override string ToString() => Kind switch
    {
        DeadlineKind.Unspecified => "Chưa xác định",
        DeadlineKind.Ongoing => Label ?? "Thường xuyên",
        DeadlineKind.Date => Label is null ? Format(DueDate) : $"{Label} ({Format(DueDate)})",
        DeadlineKind.Period => $"{Label} ({Format(DueDate)})",
        DeadlineKind.Recurring => $"{Label ?? "Định kỳ"} ({Format(DueDate)}–{Format(RecursUntil)})",
        _ => Kind.ToString(),
    };

    private static DateOnly Step(DateOnly first, int months, bool endOfMonth)
    {
        var day = first.AddMonths(months);
        return endOfMonth ? new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month)) : day;
    }

    private static string Format(DateOnly? day) =>
        day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "?";
}
