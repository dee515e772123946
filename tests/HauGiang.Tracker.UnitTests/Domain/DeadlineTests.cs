using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class DeadlineTests
{
    [Fact]
    public void Quarterly_occurrences_keep_to_the_last_day_of_each_quarter()
    {
        var deadline = Deadline.Recurring(Recurrence.Quarterly, new DateOnly(2024, 3, 31), new DateOnly(2024, 12, 31));
        Assert.Equal([new(2024, 3, 31), new(2024, 6, 30), new(2024, 9, 30), new DateOnly(2024, 12, 31)], deadline.Occurrences());
    }

    [Fact]
    public void Monthly_occurrences_from_the_end_of_January_meet_the_leap_day()
    {
        var deadline = Deadline.Recurring(Recurrence.Monthly, new DateOnly(2024, 1, 31), new DateOnly(2024, 3, 31));
        Assert.Equal([new(2024, 1, 31), new(2024, 2, 29), new DateOnly(2024, 3, 31)], deadline.Occurrences());
    }

    [Fact]
    public void Occurrences_on_a_fixed_day_stay_on_that_day()
    {
        var deadline = Deadline.Recurring(Recurrence.HalfYearly, new DateOnly(2022, 1, 15), new DateOnly(2023, 1, 15));
        Assert.Equal([new(2022, 1, 15), new(2022, 7, 15), new DateOnly(2023, 1, 15)], deadline.Occurrences());
    }

    [Fact]
    public void The_due_day_that_matters_is_the_next_occurrence_not_yet_past()
    {
        var deadline = Deadline.Recurring(Recurrence.Yearly, new DateOnly(2021, 12, 31), new DateOnly(2023, 12, 31));
        Assert.Equal(new DateOnly(2022, 12, 31), deadline.DueDateOn(new DateOnly(2022, 1, 1)));
        Assert.Equal(new DateOnly(2022, 12, 31), deadline.DueDateOn(new DateOnly(2022, 12, 31)));
        Assert.Equal(new DateOnly(2023, 12, 31), deadline.DueDateOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void A_recurrence_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => Deadline.Recurring(Recurrence.Yearly, new DateOnly(2025, 12, 31), new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Deadlines_with_the_same_terms_are_equal()
    {
        Assert.Equal(Deadline.EndOf("Năm 2022", new DateOnly(2022, 12, 31)), Deadline.EndOf("Năm 2022", new DateOnly(2022, 12, 31)));
        Assert.NotEqual(Deadline.On(new DateOnly(2022, 12, 31)), Deadline.EndOf("Năm 2022", new DateOnly(2022, 12, 31)));
    }
}
