using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Search;
using HauGiang.Tracker.Testing;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Search;

/// <summary>The seeded program: NV-02, VB-01 and VB-04 speak of "nguồn nhân lực", G4.1 and G4.2 of "đảng viên".</summary>
public class SearchTests(DatabaseTemplates templates) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CommandRecorder _recorder = null!;
    private SearchService _search = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _recorder = new CommandRecorder(_database);
        _search = new SearchService(_recorder);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static List<string> Codes(SearchResults results, SearchKind kind) =>
        [.. results.Groups.SingleOrDefault(g => g.Kind == kind)?.Hits.Select(h => h.Code) ?? []];

    [Fact]
    public async Task Words_typed_without_marks_find_items_written_with_them()
    {
        var results = await _search.SearchAsync("nguon nhan luc", ct: Ct);

        Assert.Contains("NV-02", Codes(results, SearchKind.Task));
        Assert.Equal(["VB-01", "VB-04"], Codes(results, SearchKind.Document).Order());
        Assert.All(results.AllHits, h => Assert.Contains("nguồn nhân lực", h.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("dang vien")]
    [InlineData("đảng viên")]
    [InlineData("Đảng viên")]
    [InlineData("ĐẢNG VIÊN")]
    [InlineData("DANG VIEN")]
    public async Task The_letter_d_finds_the_letter_đ_in_either_case(string query)
    {
        var results = await _search.SearchAsync(query, ct: Ct);

        Assert.Equal(["G4.1"], Codes(results, SearchKind.Task));
        Assert.Equal(["G4.2"], Codes(results, SearchKind.Document));
    }

    [Fact]
    public async Task Text_typed_decomposed_finds_the_same_as_composed()
    {
        var decomposed = "đảng viên".Normalize(System.Text.NormalizationForm.FormD);

        var results = await _search.SearchAsync(decomposed, ct: Ct);

        Assert.Equal(["G4.1"], Codes(results, SearchKind.Task));
    }

    [Fact]
    public async Task A_unit_is_found_by_its_name_without_marks_and_links_to_the_units_page()
    {
        var results = await _search.SearchAsync("so tai chinh", ct: Ct);

        var units = results.Groups.Single(g => g.Kind == SearchKind.Unit).Hits;
        Assert.Equal(["CT-STC", "STC"], units.Select(u => u.Code).Order());
        Assert.All(units, u => Assert.Equal($"don-vi?don-vi={u.Id}", u.Link));
        Assert.Null(units[0].Program);
    }

    [Fact]
    public async Task Words_match_in_any_order_and_every_word_must_appear()
    {
        var reversed = await _search.SearchAsync("luc nhan nguon", ct: Ct);
        var narrowed = await _search.SearchAsync("nguon nhan luc nghi quyet", ct: Ct);

        Assert.Contains("NV-02", Codes(reversed, SearchKind.Task));
        Assert.Equal(["VB-01"], Codes(narrowed, SearchKind.Document));
        Assert.Empty(Codes(narrowed, SearchKind.Task));
    }

    [Fact]
    public async Task A_query_that_matches_nothing_returns_no_group()
    {
        var results = await _search.SearchAsync("khong co gi nhu the nay", ct: Ct);

        Assert.True(results.IsEmpty);
        Assert.Empty(results.Groups);
    }

    [Fact]
    public async Task Results_come_grouped_by_kind_in_a_fixed_order_with_each_kinds_total()
    {
        var results = await _search.SearchAsync("tinh", limitPerGroup: 2, ct: Ct);

        Assert.Equal([SearchKind.Task, SearchKind.Document, SearchKind.Unit], results.Groups.Select(g => g.Kind));
        Assert.All(results.Groups, g => Assert.All(g.Hits, h => Assert.Equal(g.Kind, h.Kind)));
        Assert.All(results.Groups, g => Assert.True(g.Hits.Count <= 2 && g.Total >= g.Hits.Count, $"{g.Kind}: {g.Hits.Count} of {g.Total}"));
        Assert.Contains(results.Groups, g => g.Total > g.Hits.Count);
        Assert.All(results.AllHits.Where(h => h.Kind != SearchKind.Unit), h => Assert.Equal($"muc/{h.Id}", h.Link));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("d")]
    [InlineData(" đ ")]
    public async Task An_empty_or_one_letter_query_finds_nothing_without_asking_the_database(string? query)
    {
        var results = await _search.SearchAsync(query, ct: Ct);

        Assert.True(results.IsEmpty);
        Assert.Empty(_recorder.Commands);
    }

    [Theory]
    [InlineData("nguon")]
    [InlineData("so tai chinh thanh pho can tho")]
    [InlineData("khong co gi")]
    public async Task A_query_costs_the_same_six_commands_whatever_it_finds(string query)
    {
        await _search.SearchAsync(query, ct: Ct);

        Assert.Equal(6, _recorder.Commands.Count);
    }

    [Theory]
    [InlineData("%%")]
    [InlineData("__")]
    [InlineData("\\%")]
    public async Task Like_wildcards_typed_are_taken_literally(string query)
    {
        var results = await _search.SearchAsync(query, ct: Ct);

        Assert.True(results.IsEmpty, string.Join(", ", results.AllHits.Select(h => h.Code)));
    }

    [Fact]
    public async Task Items_of_every_program_are_found_and_name_their_program_when_there_are_several()
    {
        var single = await _search.SearchAsync("nguon nhan luc", ct: Ct);
        await using (var db = _database.NewContext())
        {
            db.Actor = Actor.System("test");
            var program = new ActionProgram { Code = "12-CTr/TU", Title = "Chương trình thử", IssuingBody = "Tỉnh ủy", Implements = "Nghị quyết thử" };
            db.Programs.Add(program);
            await db.SaveChangesAsync(Ct);
            db.Tasks.Add(new TaskItem { ProgramId = program.Id, Code = "X-01", Title = "Đào tạo nguồn nhân lực số" });
            await db.SaveChangesAsync(Ct);
        }

        var several = await _search.SearchAsync("nguon nhan luc", ct: Ct);

        Assert.False(single.SeveralPrograms);
        Assert.True(several.SeveralPrograms);
        var tasks = several.Groups.Single(g => g.Kind == SearchKind.Task).Hits;
        Assert.Equal("12-CTr/TU", tasks.Single(h => h.Code == "X-01").Program);
        Assert.Equal("50-CTr/TU", tasks.Single(h => h.Code == "NV-02").Program);
    }

    [Fact]
    public async Task The_folded_text_is_indexed_with_trigrams_by_an_immutable_function()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE indexname IN ('ix_work_items_search', 'ix_org_units_search')
            UNION ALL SELECT 'volatility: ' || provolatile::text FROM pg_proc WHERE proname = 'tracker_fold'
            ORDER BY 1
            """, connection);
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(reader.GetString(0));
            }
        }

        Assert.Equal(3, rows.Count);
        // pg_get_indexdef leaves out the schema of names on the search_path.
        Assert.StartsWith("ix_org_units_search: CREATE INDEX ix_org_units_search ON public.org_units USING gin (tracker_fold(", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("ix_work_items_search: CREATE INDEX ix_work_items_search ON public.work_items USING gin (tracker_fold(", rows[1], StringComparison.Ordinal);
        Assert.All(rows.Take(2), r => Assert.EndsWith(" gin_trgm_ops)", r, StringComparison.Ordinal));
        Assert.Equal("volatility: i", rows[2]);
    }

    [Fact]
    public async Task The_searchs_own_queries_can_use_the_trigram_indexes()
    {
        await _search.SearchAsync("nguon nhan luc", ct: Ct);

        // 0: programs, 1: tasks, 2: documents, 3: totals by kind, 4: units, 5: unit total.
        Assert.Contains("ix_work_items_search", await _recorder.PlanAsync(1, Ct), StringComparison.Ordinal);
        Assert.Contains("ix_work_items_search", await _recorder.PlanAsync(3, Ct), StringComparison.Ordinal);
        Assert.Contains("ix_org_units_search", await _recorder.PlanAsync(4, Ct), StringComparison.Ordinal);
        Assert.Contains("ix_org_units_search", await _recorder.PlanAsync(5, Ct), StringComparison.Ordinal);
    }
}
