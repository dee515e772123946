namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>One due day of a recurring deadline and how it was met.</summary>
public sealed record Occurrence(DateOnly DueDate, DateOnly? FulfilledOn, ProgressAxis Axis);

/// <summary>
/// Judges each occurrence of a recurring deadline on its own. Completions are matched in order: the
/// earliest unmet occurrence takes the next completion dated after the previous due day, so a unit
/// that catches up closes the oldest gap first (done late) rather than hiding it.
/// </summary>
public static class RecurringSchedule
{
    public static IReadOnlyList<Occurrence> Match(IReadOnlyList<DateOnly> dueDays, IEnumerable<DateOnly> completions, DateOnly today)
    {
        var pending = new Queue<DateOnly>(completions.Where(c => c <= today).Order());
        var result = new List<Occurrence>(dueDays.Count);
        var previousDue = DateOnly.MinValue;
        foreach (var due in dueDays)
        {
            while (pending.Count > 0 && pending.Peek() <= previousDue)
            {
                pending.Dequeue(); // a second completion in a window already met counts for nothing more
            }
            DateOnly? fulfilled = pending.Count > 0 ? pending.Dequeue() : null;
            result.Add(new Occurrence(due, fulfilled, StatusEvaluator.Judge(due, fulfilled, today)));
            previousDue = due;
        }
        return result;
    }

    /// <summary>The headline of a recurring item: the first unmet occurrence decides; when all are met it is done, late if any was.</summary>
    public static (ProgressAxis Axis, DateOnly? DueDate, DateOnly? CompletedOn) Headline(IReadOnlyList<Occurrence> occurrences)
    {
        if (occurrences.Count == 0)
        {
            return (ProgressAxis.OpenWithinDeadline, null, null);
        }
        var open = occurrences.FirstOrDefault(o => o.FulfilledOn is null);
        if (open is not null)
        {
            return (open.Axis, open.DueDate, null);
        }
        var late = occurrences.Any(o => o.Axis == ProgressAxis.DoneLate);
        return (late ? ProgressAxis.DoneLate : ProgressAxis.DoneOnTime, occurrences[^1].DueDate, occurrences[^1].FulfilledOn);
    }
}
