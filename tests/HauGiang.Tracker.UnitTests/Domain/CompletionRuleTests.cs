using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class CompletionRuleTests
{
    [Fact]
    public void A_confirmed_report_of_100_percent_with_evidence_completes_the_work()
    {
        Assert.True(CompletionRule.Completes(ReviewState.Confirmed, 100, evidenceCount: 1));
    }

    [Theory]
    [InlineData(ReviewState.Submitted, 100, 1)]
    [InlineData(ReviewState.Draft, 100, 1)]
    [InlineData(ReviewState.Returned, 100, 1)]
    [InlineData(ReviewState.Confirmed, 99, 1)]
    [InlineData(ReviewState.Confirmed, 100, 0)]
    public void Anything_less_is_not_completion(ReviewState state, int percent, int evidence)
    {
        Assert.False(CompletionRule.Completes(state, percent, evidence));
    }

    [Theory]
    [InlineData(null, false, 0)]
    [InlineData(40, false, 40)]
    [InlineData(100, false, 99)]
    [InlineData(100, true, 100)]
    [InlineData(60, true, 100)]
    public void The_official_percent_reaches_100_only_with_completion(int? confirmed, bool completed, int expected)
    {
        Assert.Equal(expected, CompletionRule.OfficialPercent(confirmed, completed));
    }

    [Fact]
    public void Recurring_work_counts_the_share_of_occurrences_met()
    {
        var yearly = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2025, 12, 31));
        var status = StatusEvaluator.Evaluate(new StatusFacts(yearly, yearly, [new(2021, 6, 1), new(2022, 6, 1), new(2023, 6, 1)], true, true, new DateOnly(2026, 1, 1)));

        Assert.Equal(60m, CompletionRule.OfficialPercent(status, latestConfirmedPercent: 100));
    }

    [Fact]
    public void Other_work_uses_its_latest_confirmed_figure()
    {
        var status = StatusEvaluator.Evaluate(new StatusFacts(Deadline.Unspecified, Deadline.Unspecified, [], true, true, new DateOnly(2026, 1, 1)));

        Assert.Equal(45m, CompletionRule.OfficialPercent(status, latestConfirmedPercent: 45));
    }
}
