namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>A node of the roll-up tree: an item (leaf or parent), a group, a breakthrough or the program.</summary>
/// <param name="Weight">How much this node counts in its parent; must be positive.</param>
/// <param name="Percent">A leaf's own official percent; ignored when the node has children to roll up.</param>
/// <param name="Excluded">Dropped by an amendment: counts for nothing.</param>
public sealed record RollupNode(decimal Weight, decimal Percent, IReadOnlyList<RollupNode> Children, bool Excluded = false)
{
    public static RollupNode Leaf(decimal percent, decimal weight = 1m, bool excluded = false) => new(weight, percent, [], excluded);

    public static RollupNode Parent(IReadOnlyList<RollupNode> children, decimal weight = 1m, decimal ownPercent = 0m) => new(weight, ownPercent, children);
}

/// <summary>Weighted progress from children up to task, group, breakthrough and program.</summary>
public static class ProgressRollup
{
    /// <summary>The weighted mean of the counted children, recursively; a node with none counted keeps its own percent.</summary>
    public static decimal Compute(RollupNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Math.Round(Raw(node), 2, MidpointRounding.AwayFromZero);
    }

    // Unrounded all the way down, so rounding happens once, at the level asked for.
    private static decimal Raw(RollupNode node)
    {
        decimal weighted = 0m, weights = 0m;
        foreach (var child in node.Children)
        {
            if (child.Excluded)
            {
                continue;
            }
            if (child.Weight <= 0m)
            {
                throw new ArgumentException($"A weight must be positive (was {child.Weight}).", nameof(node));
            }
            weighted += child.Weight * Raw(child);
            weights += child.Weight;
        }
        return weights == 0m ? Math.Clamp(node.Percent, 0m, 100m) : weighted / weights;
    }
}
