using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Data;

/// <summary>
/// PostgreSQL functions the search runs in the database, for use inside LINQ queries only. The migration
/// AddAccentInsensitiveSearch creates <c>public.tracker_fold</c> and the trigram indexes on its results.
/// </summary>
public static class SearchFunctions
{
    /// <summary>Text as the search compares it: lower case, without marks, đ as d ("Đảng viên" → "dang vien").</summary>
    public static string Fold(string text) => throw InDatabaseOnly(nameof(Fold));

    /// <summary>pg_trgm's word_similarity: how well the query matches the best-fitting stretch of the text (0 to 1).</summary>
    public static float WordSimilarity(string query, string text) => throw InDatabaseOnly(nameof(WordSimilarity));

    internal static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(Fold))!).HasName("tracker_fold").HasSchema("public");
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(WordSimilarity))!).HasName("word_similarity").HasSchema("public");
    }

    private static InvalidOperationException InDatabaseOnly(string name) =>
        new($"SearchFunctions.{name} runs in PostgreSQL; call it inside a query.");
}
