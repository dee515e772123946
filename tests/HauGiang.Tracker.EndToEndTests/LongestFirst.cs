using Xunit.Sdk;
using Xunit.v3;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// Starts the two longest classes (the accessibility walk, one test of minutes, and the malformed-query walk) before
/// the journeys of seconds each. The suite runs two classes at a time; left in xunit's own order the walk could start
/// last and run alone while the other lane sat idle, which made the suite minutes longer than its work.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [typeof(AccessibilityWalkTests).FullName!, typeof(QueryParameterJourneyTests).FullName!];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    private static int Rank(ITestCollection collection)
    {
        // xunit names a class's own collection "Test collection for <full name>", sometimes with " (id: …)" after it.
        var index = Array.FindIndex(Longest, name => collection.TestCollectionDisplayName.Contains(name, StringComparison.Ordinal));
        return index < 0 ? Longest.Length : index;
    }
}
