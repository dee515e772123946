using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class RiskRuleTests
{
    // Work from 01/01/2026 due 31/12/2026 (364 days): on 02/07/2026 exactly half the time (182 days) has passed.
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly Due = new(2026, 12, 31);
    private static readonly DateOnly Half = new(2026, 7, 2);

    private static ItemStatus Open(DateOnly? due = null, bool undated = false, ProgressAxis axis = ProgressAxis.OpenWithinDeadline) =>
        new(axis, null, false, false, undated ? null : due ?? Due, null, Undated: undated);

    private static RiskFacts Facts(decimal progress, DateOnly today, ItemStatus? status = null, DateTime? lastReport = null, DateOnly? silentSince = null, DateOnly? start = null) =>
        new(status ?? Open(), progress, start ?? Start, lastReport ?? new DateTime(2026, 6, 20, 3, 0, 0, DateTimeKind.Utc), silentSince, today);

    [Fact]
    public void Half_the_time_gone_and_progress_exactly_the_gap_behind_is_at_risk()
    {
        Assert.Equal(50m, RiskRule.Elapsed(Facts(0, Half)));
        Assert.Equal(RiskReason.Behind, RiskRule.Assess(Facts(25m, Half)));
    }

    [Fact]
    public void Progress_a_hair_above_the_gap_is_not_at_risk()
    {
        Assert.Null(RiskRule.Assess(Facts(25.01m, Half)));
    }

    [Fact]
    public void Before_half_the_time_has_gone_no_progress_is_judged_behind()
    {
        var dayBefore = Half.AddDays(-1);
        Assert.True(RiskRule.Elapsed(Facts(0, dayBefore)) < RiskRule.MinElapsed);
        Assert.Null(RiskRule.Assess(Facts(0m, dayBefore)));
    }

    [Fact]
    public void On_the_due_day_full_time_has_gone_and_anything_up_to_75_percent_is_at_risk()
    {
        Assert.Equal(100m, RiskRule.Elapsed(Facts(0, Due)));
        Assert.Equal(RiskReason.Behind, RiskRule.Assess(Facts(75m, Due)));
        Assert.Null(RiskRule.Assess(Facts(76m, Due)));
    }

    [Fact]
    public void Done_or_overdue_work_is_never_at_risk()
    {
        var done = new ItemStatus(ProgressAxis.DoneLate, null, false, false, Due, Due.AddDays(3));
        Assert.Null(RiskRule.Assess(Facts(0m, Due, done)));
        Assert.Null(RiskRule.Assess(Facts(0m, Due.AddDays(1), Open(axis: ProgressAxis.Overdue), silentSince: Half)));
    }

    [Fact]
    public void Undated_work_is_never_behind_but_can_be_silent()
    {
        var undated = Open(undated: true);
        Assert.Null(RiskRule.Elapsed(Facts(0m, Due, undated)));
        Assert.Null(RiskRule.Assess(Facts(0m, Due, undated)));
        Assert.Equal(RiskReason.Silent, RiskRule.Assess(Facts(0m, Due, undated, lastReport: new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc), silentSince: new DateOnly(2026, 4, 15))));
    }

    [Fact]
    public void A_report_on_the_first_day_of_the_two_silent_periods_breaks_the_silence()
    {
        var since = new DateOnly(2026, 4, 15);
        // 14/04 17:00 UTC is 15/04 00:00 in Vietnam: the first day counts; one tick earlier does not.
        var firstDay = new DateTime(2026, 4, 14, 17, 0, 0, DateTimeKind.Utc);
        Assert.Null(RiskRule.Assess(Facts(60m, Half, lastReport: firstDay, silentSince: since)));
        Assert.Equal(RiskReason.Silent, RiskRule.Assess(Facts(60m, Half, lastReport: firstDay.AddTicks(-1), silentSince: since)));
    }

    [Fact]
    public void Work_that_started_inside_the_silent_window_or_before_two_periods_ended_is_not_silent()
    {
        var since = new DateOnly(2026, 4, 15);
        RiskFacts NeverReported(DateOnly start, DateOnly? silentSince) => new(Open(), 60m, start, null, silentSince, Half);
        Assert.Null(RiskRule.Assess(NeverReported(since, since)));
        Assert.Equal(RiskReason.Silent, RiskRule.Assess(NeverReported(since.AddDays(-1), since)));
        Assert.Null(RiskRule.Assess(NeverReported(Start, null)));
    }

    [Fact]
    public void Without_a_start_day_only_silence_can_make_work_at_risk()
    {
        var facts = new RiskFacts(Open(), 0m, null, null, new DateOnly(2026, 4, 15), Due);
        Assert.Null(RiskRule.Elapsed(facts));
        Assert.Equal(RiskReason.Silent, RiskRule.Assess(facts));
    }
}
