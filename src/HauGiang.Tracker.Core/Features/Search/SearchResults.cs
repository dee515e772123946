namespace HauGiang.Tracker.Core.Features.Search;

/// <summary>What a result is; results are grouped in this order.</summary>
public enum SearchKind
{
    Task,
    Document,
    Unit,
}

/// <summary>One thing found: <paramref name="Program"/> is the item's program code (null for a unit); <paramref name="Link"/> opens it.</summary>
public sealed record SearchHit(SearchKind Kind, int Id, string Code, string Title, string? Program, bool IsSample, string Link);

/// <summary>The best <see cref="Hits"/> of one kind, and how many of that kind matched in all.</summary>
public sealed record SearchGroup(SearchKind Kind, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// What a query found, grouped by kind, empty groups left out. <paramref name="SeveralPrograms"/>: the database
/// holds more than one program, so each item says which it belongs to.
/// </summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchGroup> Groups, bool SeveralPrograms)
{
    public static SearchResults Nothing(string query) => new(query, [], false);

    public bool IsEmpty => Groups.Count == 0;

    public IEnumerable<SearchHit> AllHits => Groups.SelectMany(g => g.Hits);
}
