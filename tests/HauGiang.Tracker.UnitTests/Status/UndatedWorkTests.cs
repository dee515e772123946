using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.UnitTests.Status;

/// <summary>"Chưa xác định thời hạn": open work without a deadline is counted on its own, never overdue, still reported on.</summary>
public class UndatedWorkTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ItemStatus Evaluate(Deadline deadline, DateOnly today, DateOnly[]? completions = null, bool reported = false, Deadline? original = null) =>
        StatusEvaluator.Evaluate(new StatusFacts(deadline, original ?? deadline, completions ?? [], HasStarted: false, reported, today));

    private static ItemRow Row(ItemStatus status, bool sample = false, ItemState state = ItemState.Active) =>
        new(status.GetHashCode(), "X", "Thử", WorkItemKind.Task, null, 0, sample, ItemOrigin.Program, state, null,
            Deadline.Unspecified, Deadline.Unspecified, status, 0m, null);

    [Fact]
    public void Open_work_without_a_deadline_is_undated_and_never_overdue_however_late_it_is()
    {
        foreach (var day in new[] { new DateOnly(2021, 8, 9), Today, new DateOnly(2099, 12, 31) })
        {
            var status = Evaluate(Deadline.Unspecified, day);
            Assert.True(status.IsOpenUndated);
            Assert.NotEqual(ProgressAxis.Overdue, status.Axis);
            Assert.Null(status.DueDate);
            Assert.Null(status.DaysLeft(day));
        }
    }

    [Fact]
    public void Undated_work_is_still_due_a_report_every_period()
    {
        Assert.True(Evaluate(Deadline.Unspecified, Today, reported: false).NoReportThisPeriod);
        Assert.False(Evaluate(Deadline.Unspecified, Today, reported: true).NoReportThisPeriod);
    }

    [Fact]
    public void Finished_undated_work_is_done_not_undated()
    {
        var status = Evaluate(Deadline.Unspecified, Today, completions: [new DateOnly(2024, 3, 1)]);
        Assert.True(status.IsCompleted);
        Assert.False(status.IsOpenUndated);
        // A completion after the day looked at does not count yet: on that day the work was open and undated.
        Assert.True(Evaluate(Deadline.Unspecified, new DateOnly(2024, 2, 29), completions: [new DateOnly(2024, 3, 1)]).IsOpenUndated);
    }

    [Fact]
    public void Ongoing_and_dated_work_are_not_undated()
    {
        Assert.False(Evaluate(Deadline.Ongoing(), Today).IsOpenUndated);
        Assert.False(Evaluate(Deadline.EndOf("Năm 2023", new DateOnly(2023, 12, 31)), Today).IsOpenUndated);
    }

    [Fact]
    public void A_deadline_set_later_makes_the_work_dated_from_then_on()
    {
        // The deadline in force decides; the original "not set" stays in the history only.
        var status = Evaluate(Deadline.EndOf("Năm 2025", new DateOnly(2025, 12, 31)), Today, original: Deadline.Unspecified);
        Assert.False(status.IsOpenUndated);
        Assert.Equal(ProgressAxis.Overdue, status.Axis);
    }

    [Fact]
    public void Counts_put_undated_work_in_its_own_bucket_and_the_buckets_add_up()
    {
        var rows = new[]
        {
            Row(Evaluate(Deadline.Unspecified, Today)),
            Row(Evaluate(Deadline.Unspecified, Today, reported: true)),
            Row(Evaluate(Deadline.Unspecified, Today, completions: [new DateOnly(2024, 3, 1)])),
            Row(Evaluate(Deadline.Ongoing(), Today)),
            Row(Evaluate(Deadline.EndOf("Năm 2023", new DateOnly(2023, 12, 31)), Today)),
            Row(Evaluate(Deadline.Unspecified, Today), state: ItemState.Dropped),
        };

        var counts = StatusCounts.Of(rows);

        Assert.Equal(5, counts.Total);
        Assert.Equal(2, counts.Undated);
        Assert.Equal(1, counts.OpenWithinDeadline);
        Assert.Equal(1, counts.Overdue);
        Assert.Equal(1, counts.DoneOnTime);
        Assert.Equal(counts.Total, counts.DoneOnTime + counts.DoneLate + counts.OpenWithinDeadline + counts.Overdue + counts.Undated);
    }

    [Fact]
    public void Totals_never_mix_samples_with_real_items()
    {
        var real = Row(Evaluate(Deadline.Unspecified, Today));
        var sample = Row(Evaluate(Deadline.EndOf("Năm 2023", new DateOnly(2023, 12, 31)), Today), sample: true);

        var totals = Totals.Of([real, sample]);

        Assert.Equal(1, totals.Real.Counts.Total);
        Assert.Equal(1, totals.Real.Counts.Undated);
        Assert.Equal(0, totals.Real.Counts.Overdue);
        Assert.Equal(1, totals.Sample!.Counts.Overdue);
        Assert.Null(Totals.Of([real]).Sample);
    }
}
