using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Audit;

public class AuditTrailTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private static readonly Actor Clerk = new("user-1", "Cán bộ thử", new HashSet<string> { Roles.UnitStaff }, new HashSet<int>());
    private static readonly Actor Auditor = new("user-2", "Kiểm tra thử", new HashSet<string> { Roles.Auditor }, new HashSet<int>());

    private async Task<long> CountAsync()
    {
        await using var db = Database.NewContext();
        return await db.AuditEntries.LongCountAsync(Ct);
    }

    private Task RenameAsync(string code, string title, string? reason = null) => RenameAsAsync(Clerk, code, title, reason);

    private async Task RenameAsAsync(Actor? actor, string code, string title, string? reason = null)
    {
        await using var db = Database.NewContext();
        db.Actor = actor;
        db.AuditReason = reason;
        (await db.WorkItems.SingleAsync(i => i.Code == code, Ct)).Title = title;
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_change_is_recorded_with_who_when_what_before_and_after()
    {
        await RenameAsync("NV-01", "Tên mới của nhiệm vụ", reason: "Sửa theo kết luận");

        await using var db = Database.NewContext();
        var row = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(Ct);
        var item = await db.WorkItems.SingleAsync(i => i.Code == "NV-01", Ct);
        Assert.Equal(("user-1", "Cán bộ thử", AuditCategory.Data, "update"), (row.UserId, row.UserName, row.Category, row.Action));
        Assert.Equal(("TaskItem", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Id), (row.EntityType, row.EntityKey, row.ItemId));
        Assert.Equal("""{"Title":"Nâng cao chất lượng đào tạo nghề cho lao động nông thôn"}""", row.Before);
        Assert.Equal("""{"Title":"Tên mới của nhiệm vụ"}""", row.After);
        Assert.Equal("Sửa theo kết luận", row.Reason);
        Assert.Equal(FixedClock.SeedDay.UtcDateTime, row.At);
    }

    [Fact]
    public async Task Inserts_and_deletes_keep_every_value()
    {
        await using (var db = Database.NewContext())
        {
            db.Actor = Clerk;
            var item = await db.WorkItems.SingleAsync(i => i.Code == "NV-01", Ct);
            db.Milestones.Add(new Milestone { WorkItemId = item.Id, Ordinal = 9, Title = "Mốc thử", DueDate = new DateOnly(2026, 12, 31) });
            await db.SaveChangesAsync(Ct);
            db.Milestones.Remove(await db.Milestones.SingleAsync(m => m.Title == "Mốc thử", Ct));
            await db.SaveChangesAsync(Ct);
        }
        await using var check = Database.NewContext();
        var rows = await check.AuditEntries.Where(e => e.EntityType == "Milestone").OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(["insert", "delete"], rows.Select(r => r.Action));
        Assert.Contains("\"DueDate\":\"2026-12-31\"", rows[0].After, StringComparison.Ordinal);
        Assert.Contains("\"Title\":\"Mốc thử\"", rows[1].Before, StringComparison.Ordinal);
        Assert.Equal(rows[0].EntityKey, rows[1].EntityKey);
    }

    [Fact]
    public async Task A_failed_save_leaves_no_audit_row()
    {
        var before = await CountAsync();
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        first.Actor = second.Actor = Clerk;
        var mine = await first.WorkItems.SingleAsync(i => i.Code == "NV-02", Ct);
        var theirs = await second.WorkItems.SingleAsync(i => i.Code == "NV-02", Ct);
        mine.Title = "Lần một";
        await first.SaveChangesAsync(Ct);
        theirs.Title = "Lần hai";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_change_is_rolled_back_too()
    {
        // The data row is written first; a refusal of the audit insert must take it back with it.
        await Database.ExecuteAsync("""
            CREATE FUNCTION testing_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$;
            CREATE TRIGGER testing_refuse_audit BEFORE INSERT ON audit_entries
                FOR EACH ROW WHEN (NEW.reason = 'từ chối ghi nhật ký') EXECUTE FUNCTION testing_refuse_audit();
            """);
        var before = await CountAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => RenameAsync("NV-02", "Không được lưu", reason: "từ chối ghi nhật ký"));
        Assert.Contains("audit refused for the test", refused.ToString(), StringComparison.Ordinal);

        await using var db = Database.NewContext();
        Assert.NotEqual("Không được lưu", await db.WorkItems.Where(i => i.Code == "NV-02").Select(i => i.Title).SingleAsync(Ct));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_change_nobody_can_be_held_to_account_for_is_refused()
    {
        var before = await CountAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RenameAsAsync(null, "NV-03", "Không ai sửa"));

        Assert.Equal(before, await CountAsync());
        await using var db = Database.NewContext();
        Assert.NotEqual("Không ai sửa", (await db.WorkItems.SingleAsync(i => i.Code == "NV-03", Ct)).Title);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET user_name = 'ai đó' WHERE id = (SELECT min(id) FROM audit_entries)")]
    [InlineData("DELETE FROM audit_entries WHERE id = (SELECT max(id) FROM audit_entries)")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task TheDatabase_refuses_to_change_or_remove_audit_rows(string sql)
    {
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => Database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_untouched_trail_verifies_as_intact()
    {
        await RenameAsync("NV-01", "Một thay đổi");

        var result = await Get<AuditVerifier>().VerifyAsync(Auditor, Ct);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(await CountAsync(), result.RowsChecked);
    }

    [Fact]
    public async Task A_row_edited_in_SQL_is_named_by_the_verification()
    {
        await RenameAsync("NV-01", "Một thay đổi");
        await using (var db = Database.NewContext())
        {
            var target = await db.AuditEntries.Where(e => e.EntityType == "TaskItem").MaxAsync(e => e.Id, Ct);
            // Only someone able to disable triggers (the owner, a superuser) gets this far; the chain still tells.
            await Database.ExecuteAsync($$"""
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
                UPDATE audit_entries SET after = '{"Title":"Giả mạo"}' WHERE id = {{target}};
                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
                """);

            var result = await Get<AuditVerifier>().VerifyAsync(Auditor, Ct);

            Assert.False(result.IsIntact);
            Assert.Equal(target, result.BrokenAtId);
            Assert.Contains($"dòng {target}", result.Problem, StringComparison.Ordinal);
            Assert.Contains("bị sửa", result.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_row_deleted_in_SQL_breaks_the_link_of_the_next_row()
    {
        await RenameAsync("NV-01", "Thay đổi một");
        await RenameAsync("NV-02", "Thay đổi hai");
        await using var db = Database.NewContext();
        var ids = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(Ct);
        await Database.ExecuteAsync($"""
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
            DELETE FROM audit_entries WHERE id = {ids[1]};
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
            """);

        var result = await Get<AuditVerifier>().VerifyAsync(Auditor, Ct);

        Assert.Equal(ids[0], result.BrokenAtId);
        Assert.Contains("không nối với dòng đứng trước", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_keep_a_single_unbroken_chain()
    {
        var codes = new[] { "NV-01", "NV-02", "NV-03", "NV-04", "NV-05", "NV-06", "NV-07", "NV-08" };

        await Task.WhenAll(codes.Select(code => Task.Run(() => RenameAsync(code, $"Song song {code}"), Ct)));

        var result = await Get<AuditVerifier>().VerifyAsync(Auditor, Ct);
        Assert.True(result.IsIntact, result.Problem);
    }

    [Fact]
    public async Task Seeded_rows_are_attributed_to_the_seeder()
    {
        await using var db = Database.NewContext();
        var seedRows = await db.AuditEntries.Where(e => e.UserId == "system:Khởi tạo dữ liệu").CountAsync(Ct);
        var items = await db.WorkItems.CountAsync(Ct);
        Assert.True(seedRows > items, $"{seedRows} seed rows for {items} items");
        Assert.False(await db.AuditEntries.AnyAsync(e => e.UserName == null || e.UserName == "", Ct));
    }

    [Fact]
    public async Task Auditors_filter_the_trail_by_user_item_unit_period_and_day()
    {
        await RenameAsync("NV-01", "Lọc theo nhiệm vụ");
        var trail = Get<AuditTrailService>();
        await using var db = Database.NewContext();
        var item = await db.WorkItems.SingleAsync(i => i.Code == "NV-01", Ct);
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "SLDTBXH", Ct);
        var period = await db.Periods.SingleAsync(p => p.Label == "Quý IV/2022", Ct);

        var byUser = await trail.SearchAsync(Auditor, new AuditFilter(UserId: "user-1"), 0, 50, Ct);
        Assert.Equal(1, byUser.Total);
        Assert.Equal("NV-01", byUser.Rows[0].ItemCode);

        var byItem = await trail.SearchAsync(Auditor, new AuditFilter(ItemId: item.Id), 0, 500, Ct);
        Assert.All(byItem.Rows, r => Assert.Equal("NV-01", r.ItemCode));
        Assert.Contains(byItem.Rows, r => r.EntityType == "DeadlineRevision");

        var byUnit = await trail.SearchAsync(Auditor, new AuditFilter(UnitId: unit.Id), 0, 500, Ct);
        Assert.Contains(byUnit.Rows, r => r.ItemCode == "NV-01");
        Assert.DoesNotContain(byUnit.Rows, r => r.ItemCode == "NV-02");

        var byPeriod = await trail.SearchAsync(Auditor, new AuditFilter(PeriodId: period.Id), 0, 500, Ct);
        Assert.NotEmpty(byPeriod.Rows);
        Assert.All(byPeriod.Rows, r => Assert.Equal("Quý IV/2022", r.PeriodLabel));

        var today = await trail.SearchAsync(Auditor, new AuditFilter(From: new DateOnly(2026, 11, 27), To: new DateOnly(2026, 11, 27), UserId: "user-1"), 0, 50, Ct);
        Assert.Equal(1, today.Total);
        var yesterday = await trail.SearchAsync(Auditor, new AuditFilter(To: new DateOnly(2026, 11, 26), UserId: "user-1"), 0, 50, Ct);
        Assert.Equal(0, yesterday.Total);
    }

    [Fact]
    public async Task The_export_streams_every_filtered_row_oldest_first()
    {
        await RenameAsync("NV-01", "Xuất một");
        await RenameAsync("NV-01", "Xuất hai");
        var rows = new List<AuditRow>();
        await foreach (var row in Get<AuditTrailService>().ExportAsync(Auditor, new AuditFilter(UserId: "user-1"), Ct))
        {
            rows.Add(row);
        }
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Id < rows[1].Id);
        Assert.Contains("Xuất hai", rows[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_item_filter_lists_every_item_by_code_and_only_for_auditors()
    {
        await RenameAsync("NV-01", "Tên mới trong bộ lọc");

        var items = await Get<AuditTrailService>().ItemsAsync(Auditor, Ct);

        Assert.Equal(58, items.Count);
        Assert.Equal(items.Select(i => i.Code).Order(StringComparer.Ordinal), items.Select(i => i.Code));
        Assert.Equal("Tên mới trong bộ lọc", items.Single(i => i.Code == "NV-01").Title);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<AuditTrailService>().ItemsAsync(Clerk, Ct));
    }
}
