using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Seeding;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HauGiang.Tracker.IntegrationTests.Data;

public class SeedingTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await using var database = await templates.CreateAsync(Template.Migrated);
        var seeder = new DatabaseSeeder(database.Factory, new FixedClock(), NullLogger<DatabaseSeeder>.Instance);

        await seeder.SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);
        var first = await DatabaseFingerprint.TakeAsync(database, TestContext.Current.CancellationToken);
        await seeder.SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);
        var second = await DatabaseFingerprint.TakeAsync(database, TestContext.Current.CancellationToken);

        // Every table, the frozen snapshots, the audit trail and stored files included.
        Assert.Equal(first, second);
        Assert.True(first["work_items"].Rows > 50);
        Assert.True(first["period_snapshots"].Rows > 0);
        Assert.True(first["audit_entries"].Rows > 0);
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
        var mergers = await db.UnitSuccessions.Include(s => s.Predecessor).Include(s => s.Successor).ToListAsync(ct);
        Assert.Contains(("Sở Kế hoạch và Đầu tư", "Sở Tài chính", new DateOnly(2025, 2, 19)), mergers.Select(m => (m.Predecessor!.Name, m.Successor!.Name, m.EffectiveOn)));
        Assert.Equal(ProgramSource.Mergers.Sum(m => m.Merged.Length), mergers.Count);
        Assert.False(await db.OrgUnits.AnyAsync(u => u.IsSample, ct));
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
}
