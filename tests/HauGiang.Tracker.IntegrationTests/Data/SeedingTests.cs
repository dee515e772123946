using HauGiang.Tracker.Core.Data.Seeding;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Data;

public class SeedingTests(DatabaseTemplates templates)
{
    private static readonly string[] Tables =
    [
        "programs", "amendments", "amendment_changes", "breakthroughs", "solution_groups", "work_items", "deadline_revisions",
        "milestones", "org_units", "unit_successions", "work_item_assignments", "reporting_periods", "progress_reports",
        "review_events", "evidence", "indicators", "indicator_targets", "indicator_values",
    ];

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await using var database = await templates.CreateAsync(Template.Migrated);
        var seeder = new DatabaseSeeder(database.Factory, new FixedClock(), NullLogger<DatabaseSeeder>.Instance);

        await seeder.SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);
        var first = await FingerprintAsync(database);
        await seeder.SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);
        var second = await FingerprintAsync(database);

        Assert.Equal(first, second);
        Assert.True(first["work_items"].Rows > 50);
    }

    [Fact]
    public async Task Without_samples_only_what_the_source_names_is_seeded()
    {
        await using var database = await templates.CreateAsync(Template.Migrated);
        await new DatabaseSeeder(database.Factory, new FixedClock(), NullLogger<DatabaseSeeder>.Instance).SeedAsync(includeSamples: false, TestContext.Current.CancellationToken);

        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(ProgramSource.Items.Count, await db.WorkItems.CountAsync(ct));
        Assert.False(await db.WorkItems.AnyAsync(i => i.IsSample, ct));
        Assert.Equal(0, await db.Reports.CountAsync(ct));
        Assert.Equal(3, await db.Breakthroughs.CountAsync(ct));
        Assert.Equal(6, await db.Groups.CountAsync(ct));
        Assert.Equal(8, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.DistrictLevel, ct));
        var merger = await db.UnitSuccessions.Include(s => s.Predecessor).Include(s => s.Successor).SingleAsync(ct);
        Assert.Equal(("Sở Kế hoạch và Đầu tư", "Sở Tài chính", new DateOnly(2025, 2, 19)), (merger.Predecessor!.Name, merger.Successor!.Name, merger.EffectiveOn));
    }

    [Fact]
    public async Task Seeding_keeps_what_an_administrator_changed()
    {
        await using var database = await templates.CreateAsync(Template.Seeded);
        await database.ExecuteAsync("UPDATE work_items SET title = 'Tên đã sửa' WHERE code = 'G1.1'");

        await new DatabaseSeeder(database.Factory, new FixedClock(), NullLogger<DatabaseSeeder>.Instance).SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);

        await using var db = database.NewContext();
        Assert.Equal("Tên đã sửa", (await db.WorkItems.SingleAsync(i => i.Code == "G1.1", TestContext.Current.CancellationToken)).Title);
    }

    private static async Task<Dictionary<string, (long Rows, long MaxXmin)>> FingerprintAsync(TestDatabase database)
    {
        // xmin is the id of the transaction that last wrote a row: any update moves it.
        var result = new Dictionary<string, (long, long)>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            result[table] = (reader.GetInt64(0), reader.GetInt64(1));
        }
        return result;
    }
}
