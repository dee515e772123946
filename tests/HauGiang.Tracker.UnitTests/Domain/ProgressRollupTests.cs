using HauGiang.Tracker.Core.Domain.Rules;
using static HauGiang.Tracker.Core.Domain.Rules.RollupNode;

namespace HauGiang.Tracker.UnitTests.Domain;

public class ProgressRollupTests
{
    [Fact]
    public void A_parent_is_the_weighted_mean_of_its_children()
    {
        Assert.Equal(87.5m, ProgressRollup.Compute(Parent([Leaf(50m, 1m), Leaf(100m, 3m)])));
    }

    [Fact]
    public void Dropped_children_count_for_nothing()
    {
        Assert.Equal(50m, ProgressRollup.Compute(Parent([Leaf(50m), Leaf(0m, excluded: true)])));
    }

    [Fact]
    public void Progress_rolls_up_through_every_level_to_the_program()
    {
        var task = Parent([Leaf(100m), Leaf(0m)]);               // 50
        var breakthrough = Parent([task, Leaf(80m)]);             // 65
        var program = Parent([breakthrough, Parent([Leaf(25m)], weight: 2m)]); // (65 + 2*25) / 3
        Assert.Equal(38.33m, ProgressRollup.Compute(program));
    }

    [Fact]
    public void Rounding_happens_once_at_the_level_asked_for()
    {
        var third = Parent([Leaf(100m), Leaf(0m), Leaf(0m)]);     // 33.333…
        Assert.Equal(33.33m, ProgressRollup.Compute(third));
        Assert.Equal(33.33m, ProgressRollup.Compute(Parent([third, third, third])));
    }

    [Fact]
    public void A_node_with_nothing_counted_keeps_its_own_percent()
    {
        Assert.Equal(40m, ProgressRollup.Compute(Parent([Leaf(90m, excluded: true)], ownPercent: 40m)));
        Assert.Equal(0m, ProgressRollup.Compute(Parent([])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_weight_must_be_positive(int weight)
    {
        Assert.Throws<ArgumentException>(() => ProgressRollup.Compute(Parent([Leaf(10m, weight)])));
    }
}
