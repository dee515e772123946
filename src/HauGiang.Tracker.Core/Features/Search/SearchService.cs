using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Search;

/// <summary>
/// Finds tasks, documents and units by the words typed, with or without Vietnamese marks ("dang vien" finds
/// "Đảng viên"). Every word must appear in the folded code and title; the trigram indexes on
/// <see cref="SearchFunctions.Fold"/> answer the LIKE, so nothing is scanned in C#. Open to every signed-in user,
/// like the structure pages it leads to.
/// </summary>
public sealed class SearchService(IDbContextFactory<TrackerDbContext> dbFactory)
{
    /// <summary>Shorter queries find everything and mean nothing yet: they are not run.</summary>
    public const int MinimumLength = 2;

    private const int MaximumLength = 200;
    private const int MaximumWords = 8;

    /// <summary>
    /// The best <paramref name="limitPerGroup"/> matches of each kind, best first, with each kind's total; six
    /// SQL commands whatever the query, none when it is shorter than <see cref="MinimumLength"/>.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string? query, int limitPerGroup = 8, CancellationToken ct = default)
    {
        var words = Words(query);
        var text = string.Join(' ', words);
        if (text.Length < MinimumLength)
        {
            return SearchResults.Nothing(text);
        }
        var patterns = words.Select(Pattern).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = await db.Programs.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var tasks = await TopItemsAsync(db.Tasks, patterns, text, limitPerGroup, ct);
        var documents = await TopItemsAsync(db.Documents, patterns, text, limitPerGroup, ct);
        var itemTotals = await MatchingItems(db.WorkItems, patterns)
            .GroupBy(i => EF.Property<string>(i, "kind"))
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, ct);
        var units = await MatchingUnits(db.OrgUnits, patterns)
            .OrderByDescending(u => SearchFunctions.WordSimilarity(SearchFunctions.Fold(text), SearchFunctions.Fold(u.Code + " " + u.Name + " " + (u.ShortName ?? ""))))
            .ThenBy(u => u.IsSample).ThenBy(u => u.Name)
            .Take(limitPerGroup)
            .Select(u => new { u.Id, u.Code, u.Name, u.IsSample })
            .ToListAsync(ct);
        var unitTotal = await MatchingUnits(db.OrgUnits, patterns).CountAsync(ct);

        SearchGroup?[] groups =
        [
            Group(SearchKind.Task, [.. tasks.Select(t => t.Hit(SearchKind.Task, programs))], itemTotals.GetValueOrDefault("task")),
            Group(SearchKind.Document, [.. documents.Select(d => d.Hit(SearchKind.Document, programs))], itemTotals.GetValueOrDefault("document")),
            Group(SearchKind.Unit, [.. units.Select(u => new SearchHit(SearchKind.Unit, u.Id, u.Code, u.Name, null, u.IsSample, $"don-vi?don-vi={u.Id}"))], unitTotal),
        ];
        return new SearchResults(text, [.. groups.OfType<SearchGroup>()], programs.Count > 1);
    }

    private sealed record ItemRow(int Id, string Code, string Title, int ProgramId, bool IsSample)
    {
        public SearchHit Hit(SearchKind kind, IReadOnlyDictionary<int, string> programs) =>
            new(kind, Id, Code, Title, programs.GetValueOrDefault(ProgramId), IsSample, $"muc/{Id}");
    }

    private static Task<List<ItemRow>> TopItemsAsync<T>(IQueryable<T> items, IReadOnlyList<string> patterns, string text, int limit, CancellationToken ct)
        where T : WorkItem =>
        MatchingItems(items, patterns)
            .OrderByDescending(i => SearchFunctions.WordSimilarity(SearchFunctions.Fold(text), SearchFunctions.Fold(i.Code + " " + i.Title)))
            .ThenBy(i => i.IsSample).ThenBy(i => i.Code)
            .Take(limit)
            .Select(i => new ItemRow(i.Id, i.Code, i.Title, i.ProgramId, i.IsSample))
            .ToListAsync(ct);

    // The folded expressions below are the ones ix_work_items_search and ix_org_units_search index: change both together.
    private static IQueryable<T> MatchingItems<T>(IQueryable<T> items, IReadOnlyList<string> patterns) where T : WorkItem
    {
        foreach (var pattern in patterns)
        {
            items = items.Where(i => EF.Functions.Like(SearchFunctions.Fold(i.Code + " " + i.Title), SearchFunctions.Fold(pattern), Escape));
        }
        return items;
    }

    private static IQueryable<OrgUnit> MatchingUnits(IQueryable<OrgUnit> units, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            units = units.Where(u => EF.Functions.Like(SearchFunctions.Fold(u.Code + " " + u.Name + " " + (u.ShortName ?? "")), SearchFunctions.Fold(pattern), Escape));
        }
        return units;
    }

    private const string Escape = "\\";

    /// <summary>"%word%" with LIKE's own characters taken literally, so "50%" or "a_b" find what they say.</summary>
    private static string Pattern(string word) =>
        "%" + word.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";

    /// <summary>The distinct words typed, without control characters (PostgreSQL text cannot hold U+0000).</summary>
    private static List<string> Words(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var clean = new string([.. query.Take(MaximumLength).Select(c => char.IsControl(c) ? ' ' : c)]);
        return [.. clean.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaximumWords)];
    }

    private static SearchGroup? Group(SearchKind kind, IReadOnlyList<SearchHit> hits, int total) =>
        hits.Count == 0 ? null : new SearchGroup(kind, total, hits);
}
