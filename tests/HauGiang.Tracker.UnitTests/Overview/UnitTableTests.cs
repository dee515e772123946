using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.UnitTests.Overview;

public class UnitTableTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private static int _next;

    private static FactItem Item(int lead, ProgressAxis axis, bool undated = false, int[]? coordinators = null, bool sample = false)
    {
        var done = axis is ProgressAxis.DoneOnTime or ProgressAxis.DoneLate;
        var status = new ItemStatus(axis, null, false, false, undated ? null : Day.AddDays(-10), done ? Day.AddDays(-12) : null, Undated: undated);
        var row = new ItemRow(++_next, $"NV-{_next}", "Nhiệm vụ", WorkItemKind.Task, null, 0, sample, ItemOrigin.Program, ItemState.Active,
            new UnitRef(lead, $"Đơn vị {lead}", null), Deadline.Unspecified, Deadline.Unspecified, status, done ? 100m : 40m, null);
        return new FactItem(row, null, null, null, coordinators ?? [], null);
    }

    private static UnitFact Unit(int id, string name, DateOnly? validTo = null, params int[] successors) =>
        new(id, $"U{id}", name, false, null, validTo, successors);

    private static ProgramFacts Facts(IReadOnlyList<FactItem> items, IReadOnlyList<UnitFact> units, IReadOnlyList<UnitActivity>? activity = null) =>
        new(new ProgramRef(1, "50-CTr/TU", "Chương trình", new DateOnly(2021, 8, 9), 2020, 2025), Day, Day, FactsBasis.Today, null,
            items, [], [], units, activity ?? [], []);

    [Fact]
    public void Units_rank_by_on_time_rate_then_fewer_overdue_and_equal_records_share_a_rank()
    {
        var items = new List<FactItem>
        {
            // A: 2 of 2 on time → 100 %. B: 1 of 2 → 50 %, no overdue. C: 1 of 2 → 50 %, one overdue. D: same as B.
            Item(1, ProgressAxis.DoneOnTime), Item(1, ProgressAxis.DoneOnTime),
            Item(2, ProgressAxis.DoneOnTime), Item(2, ProgressAxis.DoneLate),
            Item(3, ProgressAxis.DoneOnTime), Item(3, ProgressAxis.Overdue),
            Item(4, ProgressAxis.DoneLate), Item(4, ProgressAxis.DoneOnTime),
            // E leads only work not yet due: not ranked.
            Item(5, ProgressAxis.OpenWithinDeadline), Item(5, ProgressAxis.OpenWithinDeadline, undated: true),
        };
        var units = new[] { Unit(1, "Sở A"), Unit(2, "Sở B"), Unit(3, "Sở C"), Unit(4, "Sở D"), Unit(5, "Sở E") };

        var rows = UnitTable.Of(Facts(items, units), ItemFilter.Real);

        Assert.Equal([("Sở A", 1), ("Sở B", 2), ("Sở D", 2), ("Sở C", 4)], rows.Take(4).Select(r => (r.Unit.Name, r.Rank!.Value)));
        Assert.Equal([100m, 50m, 50m, 50m], rows.Take(4).Select(r => r.OnTimeRate!.Value));
        var e = rows[4];
        Assert.Equal(("Sở E", null, null, 2), (e.Unit.Name, e.Rank, e.OnTimeRate, e.Led));
    }

    [Fact]
    public void An_ended_unit_shows_under_its_successor_with_its_own_record()
    {
        var ended = new DateOnly(2025, 6, 30);
        var items = new List<FactItem> { Item(10, ProgressAxis.Overdue, coordinators: [11]) };
        var units = new[] { Unit(10, "Sở Tài chính thành phố Cần Thơ"), Unit(11, "Sở Nội vụ"), Unit(20, "Sở Tài chính tỉnh Hậu Giang", ended, 10) };
        var lastReport = new DateTime(2025, 6, 10, 3, 0, 0, DateTimeKind.Utc);

        var rows = UnitTable.Of(Facts(items, units, [new UnitActivity(20, lastReport, 1, 0)]), ItemFilter.Real);

        var successor = Assert.Single(rows, r => r.Unit.Id == 10);
        Assert.Equal((1, 0m), (successor.Led, successor.OnTimeRate!.Value));
        var former = Assert.Single(successor.Former);
        Assert.Equal(("Sở Tài chính tỉnh Hậu Giang", lastReport, 1, 0), (former.Unit.Name, former.LastReportAt, former.ReturnedReports, former.Led));
        Assert.DoesNotContain(rows, r => r.Unit.Id == 20);
        Assert.Equal(1, Assert.Single(rows, r => r.Unit.Id == 11).Coordinated);
    }

    [Fact]
    public void Samples_and_real_units_are_never_in_the_same_table()
    {
        var items = new List<FactItem> { Item(1, ProgressAxis.DoneOnTime), Item(2, ProgressAxis.DoneOnTime, sample: true) };
        var units = new[] { Unit(1, "Sở thật"), Unit(2, "Sở mẫu") with { IsSample = true } };

        Assert.Equal(["Sở thật"], UnitTable.Of(Facts(items, units), ItemFilter.Real).Select(r => r.Unit.Name));
        Assert.Equal(["Sở mẫu"], UnitTable.Of(Facts(items, units), ItemFilter.Real with { Samples = true }).Select(r => r.Unit.Name));
    }

    [Fact]
    public void A_comparison_lists_what_changed_status_and_percent()
    {
        var before = Item(1, ProgressAxis.OpenWithinDeadline);
        var after = before with { Row = before.Row with { Progress = 100m, Status = before.Status with { Axis = ProgressAxis.DoneLate, CompletedOn = Day } } };
        var overdueThen = Item(1, ProgressAxis.OpenWithinDeadline);
        var overdueNow = overdueThen with { Row = overdueThen.Row with { Status = overdueThen.Status with { Axis = ProgressAxis.Overdue } } };
        var units = new[] { Unit(1, "Sở A") };

        var comparison = Comparison.Of(Facts([before, overdueThen], units) with { AsOf = Day.AddDays(-30) }, Facts([after, overdueNow], units), ItemFilter.Real);

        Assert.Equal([before.Id, overdueThen.Id], comparison.StatusChanged.Select(c => c.After.Id));
        var completed = Assert.Single(comparison.Completed);
        Assert.Equal((60m, StatusBucket.OpenWithinDeadline, StatusBucket.DoneLate), (completed.PercentChange, completed.BucketBefore, completed.BucketAfter));
        Assert.Equal(overdueThen.Id, Assert.Single(comparison.BecameOverdue).After.Id);
        Assert.Equal((1, 0), (comparison.Before.Figures.Counts.OpenWithinDeadline - 1, comparison.After.Figures.Counts.OpenWithinDeadline));
    }
}
