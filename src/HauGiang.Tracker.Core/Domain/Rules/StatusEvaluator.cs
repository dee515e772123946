namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>What is known about an item on a given day, as the status rules need it.</summary>
/// <param name="Deadline">The deadline in force on <paramref name="Today"/>.</param>
/// <param name="OriginalDeadline">The deadline first set by the program.</param>
/// <param name="Completions">Days the item reached completion: the achieved day of each confirmed 100 % report with evidence, or a document's issue date. Days after <paramref name="Today"/> are ignored.</param>
/// <param name="HasStarted">Whether any report shows work under way (percent above 0, or a document past "not started").</param>
/// <param name="ReportedThisPeriod">Whether a report was submitted for the current reporting period.</param>
/// <param name="Today">The day the status is computed for (today, or a past day for an as-of view).</param>
public sealed record StatusFacts(
    Deadline Deadline,
    Deadline OriginalDeadline,
    IReadOnlyList<DateOnly> Completions,
    bool HasStarted,
    bool ReportedThisPeriod,
    DateOnly Today);

/// <summary>
/// Status on the two axes (done on time / done late / open within deadline / overdue), plus
/// "chưa triển khai" and "chưa báo cáo kỳ này". The due day itself is still within the deadline.
/// </summary>
public static class StatusEvaluator
{
    public static ItemStatus Evaluate(StatusFacts facts)
    {
        var (axis, due, completedOn, occurrences) = Verdict(facts.Deadline, facts);
        ProgressAxis? againstOriginal = facts.OriginalDeadline == facts.Deadline ? null : Verdict(facts.OriginalDeadline, facts).Axis;
        var completed = completedOn is not null;
        return new ItemStatus(
            axis,
            againstOriginal,
            NotStarted: !completed && !facts.HasStarted,
            NoReportThisPeriod: !completed && !facts.ReportedThisPeriod,
            DueDate: due,
            CompletedOn: completedOn,
            Occurrences: occurrences,
            Undated: facts.Deadline.Kind == DeadlineKind.Unspecified);
    }

    /// <summary>The verdict against one due day. Without a due day nothing is ever late.</summary>
    public static ProgressAxis Judge(DateOnly? due, DateOnly? completedOn, DateOnly today) => (due, completedOn) switch
    {
        (null, not null) => ProgressAxis.DoneOnTime,
        (null, null) => ProgressAxis.OpenWithinDeadline,
        ({ } d, { } c) => c <= d ? ProgressAxis.DoneOnTime : ProgressAxis.DoneLate,
        ({ } d, null) => today <= d ? ProgressAxis.OpenWithinDeadline : ProgressAxis.Overdue,
    };

    private static (ProgressAxis Axis, DateOnly? DueDate, DateOnly? CompletedOn, IReadOnlyList<Occurrence>? Occurrences) Verdict(Deadline deadline, StatusFacts facts)
    {
        var completions = facts.Completions.Where(c => c <= facts.Today).Order().ToList();
        switch (deadline.Kind)
        {
            case DeadlineKind.Recurring:
                var occurrences = RecurringSchedule.Match(deadline.Occurrences(), completions, facts.Today);
                var (axis, due, completedOn) = RecurringSchedule.Headline(occurrences);
                return (axis, due, completedOn, occurrences);
            case DeadlineKind.Ongoing:
                // "Thường xuyên" work is never finished and never late.
                return (ProgressAxis.OpenWithinDeadline, null, null, null);
            default:
                DateOnly? done = completions.Count > 0 ? completions[0] : null;
                var dueDay = deadline.HasDueDate ? deadline.DueDate : null;
                return (Judge(dueDay, done, facts.Today), dueDay, done, null);
        }
    }
}
