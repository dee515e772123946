namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>A closed interval of calendar days: both <see cref="Start"/> and <see cref="End"/> belong to it.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"Range ends ({end:dd/MM/yyyy}) before it starts ({start:dd/MM/yyyy}).", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public override string ToString() => $"{Start:dd/MM/yyyy}–{End:dd/MM/yyyy}";
}
