using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
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
    public async Task Seeded_records_say_where_items_come_from_and_are_dated_when_they_were_made()
    {
        await using var database = await templates.CreateAsync(Template.Migrated);
        var clock = new FixedClock();
        await new DatabaseSeeder(database.Factory, clock, NullLogger<DatabaseSeeder>.Instance).SeedAsync(includeSamples: true, TestContext.Current.CancellationToken);

        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var items = await db.WorkItems.Include(i => i.DeadlineRevisions).ToListAsync(ct);
        // Nothing is recorded as if entered on the Program's day in 2021: the records were made when seeded.
        Assert.All(items.Where(i => !i.IsSample).SelectMany(i => i.DeadlineRevisions), r => Assert.Equal(clock.GetUtcNow().UtcDateTime, r.RecordedAt));
        Assert.All(items.Where(i => !i.IsSample), i => Assert.Equal((ItemOrigin.SecretaryArticle, true), (i.Origin, i.SourceNote!.Contains("Nghiêm Xuân Thành", StringComparison.Ordinal))));
        Assert.All(items.Where(i => i.IsSample), i => Assert.Equal(ItemOrigin.Program, i.Origin));
        Assert.All(await db.Groups.ToListAsync(ct), g => Assert.Contains("Bí thư Tỉnh ủy", g.Source, StringComparison.Ordinal));
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

    [Fact]
    public async Task Every_seeded_sample_number_is_in_its_issuers_form()
    {
        await using var database = await templates.CreateAsync(Template.Seeded);
        await using var db = database.NewContext();
        var issued = await db.Documents.AsNoTracking().Where(d => d.NumberSymbol != null)
            .Select(d => new { d.Code, d.NumberSymbol, d.IssuingAuthority, d.DocumentType }).ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(issued);
        Assert.Contains(issued, d => d.IssuingAuthority!.Contains("Tỉnh ủy", StringComparison.Ordinal));
        Assert.Contains(issued, d => d.IssuingAuthority!.Contains("UBND", StringComparison.Ordinal));
        foreach (var d in issued)
        {
            Assert.True(DocumentNumber.TryParse(d.NumberSymbol, out var number, out var problem), $"{d.Code}: {problem}");
            Assert.Equal(number.ToString(), d.NumberSymbol);
            var party = d.IssuingAuthority!.Contains("Tỉnh ủy", StringComparison.Ordinal) || d.IssuingAuthority.Contains("Đảng bộ", StringComparison.Ordinal);
            Assert.True((party ? IssuerForm.Party : IssuerForm.State) == number.Form, $"{d.Code} ({d.IssuingAuthority}): {d.NumberSymbol}");
            if (d.IssuingAuthority.Contains("HĐND", StringComparison.Ordinal))
            {
                Assert.True(number is { TypeSymbol: "NQ", BodySymbol: "HĐND", Year: not null }, $"{d.Code}: an HĐND regulation is a resolution with its year, not {d.NumberSymbol}");
            }
            else if (d.DocumentType == DocumentType.Regulation && !party)
            {
                Assert.True(number is { TypeSymbol: "QĐ", BodySymbol: "UBND", Year: not null }, $"{d.Code}: {d.NumberSymbol}");
            }
            Assert.DoesNotContain("mẫu", d.NumberSymbol, StringComparison.Ordinal);
        }
    }
}
