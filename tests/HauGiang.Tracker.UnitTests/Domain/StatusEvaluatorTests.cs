using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class StatusEvaluatorTests
{
    private static readonly DateOnly Due = new(2022, 6, 30);
    private static readonly Deadline ByDue = Deadline.On(Due);

    private static ItemStatus Evaluate(DateOnly today, Deadline? deadline = null, Deadline? original = null, DateOnly[]? completions = null, bool started = true, bool reported = true)
    {
        var inForce = deadline ?? ByDue;
        return StatusEvaluator.Evaluate(new StatusFacts(inForce, original ?? inForce, completions ?? [], started, reported, today));
    }

    [Fact]
    public void Open_on_the_due_day_is_still_within_the_deadline()
    {
        Assert.Equal(ProgressAxis.OpenWithinDeadline, Evaluate(Due).Axis);
    }

    [Fact]
    public void Open_the_day_after_the_due_day_is_overdue()
    {
        var status = Evaluate(Due.AddDays(1));
        Assert.Equal(ProgressAxis.Overdue, status.Axis);
        Assert.Equal(-1, status.DaysLeft(Due.AddDays(1)));
    }

    [Fact]
    public void Completed_on_the_due_day_counts_as_on_time()
    {
        Assert.Equal(ProgressAxis.DoneOnTime, Evaluate(Due.AddDays(30), completions: [Due]).Axis);
    }

    [Fact]
    public void Completed_the_day_after_the_due_day_counts_as_late()
    {
        var status = Evaluate(Due.AddDays(30), completions: [Due.AddDays(1)]);
        Assert.Equal(ProgressAxis.DoneLate, status.Axis);
        Assert.True(status.IsCompleted);
        Assert.Equal(Due.AddDays(1), status.CompletedOn);
    }

    [Fact]
    public void Completed_after_the_original_but_before_the_adjusted_deadline_is_on_time_and_late_against_the_original()
    {
        var adjusted = Deadline.On(new DateOnly(2022, 12, 31));
        var status = Evaluate(new DateOnly(2023, 1, 10), adjusted, ByDue, [new DateOnly(2022, 11, 1)]);
        Assert.Equal(ProgressAxis.DoneOnTime, status.Axis);
        Assert.Equal(ProgressAxis.DoneLate, status.AgainstOriginal);
    }

    [Fact]
    public void Completed_after_adjusted_deadline_counts_as_late()
    {
        var adjusted = Deadline.On(new DateOnly(2022, 12, 31));
        var status = Evaluate(new DateOnly(2023, 3, 1), adjusted, ByDue, [new DateOnly(2023, 1, 2)]);
        Assert.Equal(ProgressAxis.DoneLate, status.Axis);
        Assert.Equal(ProgressAxis.DoneLate, status.AgainstOriginal);
    }

    [Fact]
    public void Open_past_the_original_but_within_the_adjusted_deadline_is_within_and_overdue_against_the_original()
    {
        var adjusted = Deadline.On(new DateOnly(2022, 12, 31));
        var status = Evaluate(new DateOnly(2022, 9, 1), adjusted, ByDue);
        Assert.Equal(ProgressAxis.OpenWithinDeadline, status.Axis);
        Assert.Equal(ProgressAxis.Overdue, status.AgainstOriginal);
        Assert.Equal(new DateOnly(2022, 12, 31), status.DueDate);
    }

    [Fact]
    public void Without_an_adjustment_there_is_no_second_verdict()
    {
        Assert.Null(Evaluate(Due.AddDays(5)).AgainstOriginal);
    }

    [Fact]
    public void Ongoing_work_is_never_overdue_and_never_done()
    {
        var status = Evaluate(new DateOnly(2040, 1, 1), Deadline.Ongoing(), completions: [new DateOnly(2022, 1, 1)]);
        Assert.Equal(ProgressAxis.OpenWithinDeadline, status.Axis);
        Assert.False(status.IsCompleted);
        Assert.Null(status.DueDate);
    }

    [Fact]
    public void Work_without_a_deadline_yet_is_not_overdue()
    {
        Assert.Equal(ProgressAxis.OpenWithinDeadline, Evaluate(new DateOnly(2040, 1, 1), Deadline.Unspecified).Axis);
    }

    [Fact]
    public void A_completion_after_the_day_asked_about_is_not_seen()
    {
        var status = Evaluate(Due.AddDays(1), completions: [Due.AddDays(10)]);
        Assert.Equal(ProgressAxis.Overdue, status.Axis);
        Assert.Null(status.CompletedOn);
    }

    [Fact]
    public void The_first_completion_dates_the_work()
    {
        Assert.Equal(Due.AddDays(-3), Evaluate(Due.AddDays(30), completions: [Due.AddDays(5), Due.AddDays(-3)]).CompletedOn);
    }

    [Fact]
    public void Not_started_and_unreported_flags_apply_to_open_work_only()
    {
        var open = Evaluate(Due, started: false, reported: false);
        Assert.True(open.NotStarted);
        Assert.True(open.NoReportThisPeriod);

        var done = Evaluate(Due, completions: [Due], started: false, reported: false);
        Assert.False(done.NotStarted);
        Assert.False(done.NoReportThisPeriod);
    }

    [Fact]
    public void Leap_day_deadline_is_judged_on_the_leap_day()
    {
        var leap = Deadline.EndOf("Tháng 2/2024", new DateOnly(2024, 2, 29));
        Assert.Equal(ProgressAxis.OpenWithinDeadline, Evaluate(new DateOnly(2024, 2, 29), leap).Axis);
        Assert.Equal(ProgressAxis.Overdue, Evaluate(new DateOnly(2024, 3, 1), leap).Axis);
    }

    [Fact]
    public void Recurring_work_is_judged_occurrence_by_occurrence()
    {
        var yearly = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2023, 12, 31));
        var completions = new[] { new DateOnly(2021, 11, 1), new DateOnly(2023, 1, 15) };

        var occurrences = RecurringSchedule.Match(yearly.Occurrences(), completions, new DateOnly(2024, 1, 10));
        Assert.Equal([ProgressAxis.DoneOnTime, ProgressAxis.DoneLate, ProgressAxis.Overdue], occurrences.Select(o => o.Axis));

        var status = Evaluate(new DateOnly(2024, 1, 10), yearly, completions: completions);
        Assert.Equal(ProgressAxis.Overdue, status.Axis);
        Assert.Equal(new DateOnly(2023, 12, 31), status.DueDate);
    }

    [Fact]
    public void Two_completions_in_one_window_meet_one_occurrence_only()
    {
        var yearly = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31));
        var occurrences = RecurringSchedule.Match(yearly.Occurrences(), [new(2021, 3, 1), new(2021, 9, 1)], new DateOnly(2023, 1, 1));
        Assert.Equal(new DateOnly(2021, 3, 1), occurrences[0].FulfilledOn);
        Assert.Null(occurrences[1].FulfilledOn);
        Assert.Equal(ProgressAxis.Overdue, occurrences[1].Axis);
    }

    [Fact]
    public void Recurring_work_met_every_time_is_done_and_late_if_any_occurrence_was()
    {
        var yearly = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31));
        var today = new DateOnly(2023, 6, 1);
        Assert.Equal(ProgressAxis.DoneOnTime, Evaluate(today, yearly, completions: [new(2021, 6, 1), new(2022, 6, 1)]).Axis);
        Assert.Equal(ProgressAxis.DoneLate, Evaluate(today, yearly, completions: [new(2022, 1, 5), new(2022, 6, 1)]).Axis);
    }

    [Fact]
    public void Recurring_work_before_its_first_due_day_is_within_the_deadline()
    {
        var yearly = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2025, 12, 31));
        Assert.Equal(ProgressAxis.OpenWithinDeadline, Evaluate(new DateOnly(2021, 12, 31), yearly).Axis);
    }
}
