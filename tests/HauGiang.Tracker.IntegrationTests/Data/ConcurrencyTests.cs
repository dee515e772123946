using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Data;

public class ConcurrencyTests(DatabaseTemplates templates)
{
    private static readonly Actor Tester = Actor.System("test");

    [Fact]
    public async Task A_stale_update_of_an_item_is_rejected_and_the_first_edit_stays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await templates.CreateAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        first.Actor = second.Actor = Tester;
        var mine = await first.WorkItems.SingleAsync(i => i.Code == "NV-01", ct);
        var theirs = await second.WorkItems.SingleAsync(i => i.Code == "NV-01", ct);

        mine.Title = "Sửa lần thứ nhất";
        await first.SaveChangesAsync(ct);
        theirs.Title = "Sửa lần thứ hai, từ bản cũ";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        await using var check = database.NewContext();
        Assert.Equal("Sửa lần thứ nhất", (await check.WorkItems.SingleAsync(i => i.Code == "NV-01", ct)).Title);
    }

    [Fact]
    public async Task A_stale_update_of_a_report_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await templates.CreateAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        first.Actor = second.Actor = Tester;
        var id = await first.Reports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        var mine = await first.Reports.SingleAsync(r => r.Id == id, ct);
        var theirs = await second.Reports.SingleAsync(r => r.Id == id, ct);

        mine.Percent = 10;
        await first.SaveChangesAsync(ct);
        theirs.Percent = 90;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task An_update_from_the_current_version_succeeds_and_moves_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await templates.CreateAsync();
        await using var db = database.NewContext();
        db.Actor = Tester;
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "STC", ct);
        var before = unit.Version;

        unit.ShortName = "STC";
        await db.SaveChangesAsync(ct);

        Assert.NotEqual(before, unit.Version);
    }
}
